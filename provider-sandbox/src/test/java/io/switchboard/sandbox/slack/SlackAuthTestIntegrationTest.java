package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_ID;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_USER_ID;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;

/** {@code auth.test} through the real Slack SDK against the embedded sandbox. */
class SlackAuthTestIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static Slack slack;

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeAll
    static void slackClient() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sandbox.slackMethodsUrl());
        // The SDK would otherwise call auth.test itself to key its metrics, adding calls these tests count.
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void closeSlackClient() throws Exception {
        slack.close();
    }

    @BeforeEach
    void seedWorkspace() {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
    }

    @Test
    void answersAuthTestForKnownBotTokenWithTheWorkspaceAndBotIdentity() throws Exception {
        AuthTestResponse response = slack.methods(ACME_BOT_TOKEN).authTest(request -> request);

        assertThat(response.isOk()).isTrue();
        assertThat(response.getTeamId()).isEqualTo(ACME_TEAM_ID);
        assertThat(response.getTeam()).isEqualTo("Acme Accounting");
        assertThat(response.getUrl()).isEqualTo("https://acme-accounting.slack.com/");
        assertThat(response.getUserId()).isEqualTo(ACME_BOT_USER_ID);
        assertThat(response.getUser()).isEqualTo("switchboard");
        assertThat(response.getBotId()).isEqualTo(ACME_BOT_ID);
    }

    @Test
    void answersInvalidAuthForATokenSlackNeverIssued() throws Exception {
        AuthTestResponse response = slack.methods("xoxb-0000000000-0000000000-UnknownTokenValue").authTest(request -> request);

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("invalid_auth");
    }

    @Test
    void answersNotAuthedWhenTheTokenIsEmpty() throws Exception {
        AuthTestResponse response = slack.methods("").authTest(request -> request);

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("not_authed");
    }

    @Test
    void answersNotAuthedWhenNoAuthorizationHeaderOrTokenParameterIsSent() {
        ResponseEntity<String> response = api.postForm("/api/auth.test", "");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(SandboxApi.json(response).get("ok").asBoolean()).isFalse();
        assertThat(SandboxApi.json(response).get("error").asString()).isEqualTo("not_authed");
        assertThat(sandbox.requests(SlackEmulator.NAME)).singleElement()
                .satisfies(recorded -> assertThat(recorded.header("authorization")).isNull());
    }

    @Test
    void treatsTheSdksBearerNullForAMissingTokenAsATokenSlackNeverIssued() throws Exception {
        // slack.methods() without a token sends "Authorization: Bearer null": a token value, just not one Slack issued.
        AuthTestResponse response = slack.methods().authTest(request -> request);

        assertThat(response.getError()).isEqualTo("invalid_auth");
    }

    @Test
    void acceptsTheTokenAsAFormParameterAsSlackStillDoes() {
        ResponseEntity<String> response = api.postForm("/api/auth.test", "token=" + ACME_BOT_TOKEN);

        assertThat(SandboxApi.json(response).get("team_id").asString()).isEqualTo(ACME_TEAM_ID);
        assertThat(sandbox.requests(SlackEmulator.NAME).get(0).formValue("token")).isEqualTo("xoxb-…7a3f");
    }

    @Test
    void recordsTheCallWithTheTokenMaskedAndNeverShowsTheWholeToken() throws Exception {
        slack.methods(ACME_BOT_TOKEN).authTest(request -> request);

        RecordedRequest recorded = sandbox.requests(SlackEmulator.NAME).get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/api/auth.test");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.header("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(recorded.header("authorization")).isEqualTo("Bearer xoxb-…7a3f");
        assertThat(api.get("/sandbox/api/requests").getBody())
                .contains("Bearer xoxb-…7a3f")
                .doesNotContain(ACME_BOT_TOKEN);
        assertThat(api.get("/sandbox/api/slack/workspaces").getBody()).doesNotContain(ACME_BOT_TOKEN);
        assertThat(api.get("/sandbox").getBody()).doesNotContain(ACME_BOT_TOKEN);
    }

    @Test
    void throttlesAuthTestWith429AndRetryAfterOnceTheWorkspaceLimitIsSpent() throws Exception {
        sandbox.limits().override(SlackEmulator.NAME, "auth-test", new RateLimit(1, Duration.ofMinutes(1), 1));

        assertThat(slack.methods(ACME_BOT_TOKEN).authTest(request -> request).isOk()).isTrue();
        SlackApiException throttled = catchThrowableOfType(SlackApiException.class,
                () -> slack.methods(ACME_BOT_TOKEN).authTest(request -> request));

        assertThat(throttled.getResponse().code()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getResponse().header("Retry-After"))).isBetween(1L, 60L);
        assertThat(throttled.getError().getError()).isEqualTo("ratelimited");
        assertThat(throttled.getError().isOk()).isFalse();
        assertThat(sandbox.requests(SlackEmulator.NAME)).extracting(RecordedRequest::status).containsExactly(200, 429);
    }

    @Test
    void countsTheLimitPerWorkspace() throws Exception {
        String otherToken = "xoxb-3333333333-4444444444-OtherWorkspaceToken9";
        sandbox.slack().seed(SlackWorkspaceMother.minimal("T0OTHER001", otherToken));
        sandbox.limits().override(SlackEmulator.NAME, "auth-test", new RateLimit(1, Duration.ofMinutes(1), 1));

        assertThat(slack.methods(ACME_BOT_TOKEN).authTest(request -> request).isOk()).isTrue();
        AuthTestResponse other = slack.methods(otherToken).authTest(request -> request);

        assertThat(other.isOk()).isTrue();
        assertThat(other.getTeamId()).isEqualTo("T0OTHER001");
        assertThat(other.getUserId()).isEqualTo("UT0OTHER001BOT");
    }
}

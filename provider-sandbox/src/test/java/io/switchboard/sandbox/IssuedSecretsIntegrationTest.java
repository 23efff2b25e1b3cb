package io.switchboard.sandbox;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_USER_ID;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.switchboard.sandbox.support.GoogleMother;
import io.switchboard.sandbox.support.GoogleOAuthClient;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;
import tools.jackson.databind.JsonNode;

/**
 * {@link ProviderSandbox#issuedSecrets()} and {@code GET /sandbox/api/secrets}: every token, code and secret a client got
 * from or gave to the emulated providers, for the e2e suite's leak scan; never ids or email addresses.
 */
class IssuedSecretsIntegrationTest {

    private static final String SLACK_CLIENT_ID = "111.222";
    private static final String SLACK_CLIENT_SECRET = "slack-client-secret-0123456789";
    private static final String SLACK_SIGNING_SECRET = "slack-signing-secret-0123456789";
    private static final String SLACK_REDIRECT = "https://app.test/slack/callback";

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static Slack slack;

    private final GoogleOAuthClient google = new GoogleOAuthClient(sandbox);
    private final MicrosoftOAuthClient microsoft = new MicrosoftOAuthClient(sandbox);
    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeAll
    static void slackClient() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sandbox.slackMethodsUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void closeSlackClient() throws Exception {
        slack.close();
    }

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
        sandbox.google().seed(GoogleMother.practice());
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
    }

    @Test
    void listsEveryTokenCodeAndSecretOfSlackGoogleAndMicrosoftButNoIdsOrEmails() throws Exception {
        registerSlackApp(SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET);
        String slackCode = slackCode();
        OAuthV2AccessResponse slackInstall = slack.methods().oauthV2Access(r -> r.clientId(SLACK_CLIENT_ID)
                .clientSecret(SLACK_CLIENT_SECRET).code(slackCode).redirectUri(SLACK_REDIRECT));
        assertThat(slackInstall.isOk()).isTrue();

        String googleCode = google.code(GoogleMother.SAM_EMAIL, GoogleOAuthClient.SCOPE);
        JsonNode googleTokens = GoogleOAuthClient.json(google.redeem(googleCode, GoogleOAuthClient.VERIFIER));
        JsonNode googleRefreshed = GoogleOAuthClient.json(google.refresh(googleTokens.get("refresh_token").asString()));

        String microsoftCode = microsoft.code("organizations", MicrosoftTenantMother.SAM_UPN);
        JsonNode microsoftTokens = MicrosoftOAuthClient.json(
                microsoft.redeem("organizations", microsoftCode, MicrosoftOAuthClient.VERIFIER));
        JsonNode microsoftRefreshed = MicrosoftOAuthClient.json(
                microsoft.refresh("organizations", microsoftTokens.get("refresh_token").asString()));

        List<String> secrets = sandbox.issuedSecrets();

        assertThat(secrets).contains(
                ACME_BOT_TOKEN, slackInstall.getAccessToken(), slackCode, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET,
                googleCode, googleTokens.get("access_token").asString(), googleTokens.get("refresh_token").asString(),
                googleRefreshed.get("access_token").asString(), GoogleMother.CLIENT_SECRET, GoogleOAuthClient.VERIFIER,
                microsoftCode, microsoftTokens.get("access_token").asString(), microsoftTokens.get("refresh_token").asString(),
                microsoftRefreshed.get("access_token").asString(), microsoftRefreshed.get("refresh_token").asString(),
                MicrosoftTenantMother.CLIENT_SECRET, MicrosoftOAuthClient.VERIFIER);
        assertThat(secrets).doesNotContainAnyElementsOf(List.of(
                ACME_TEAM_ID, ACME_BOT_USER_ID, "U0AMY", "amy@acme-accounting.test", "C0FRONTDESK", SLACK_CLIENT_ID,
                GoogleMother.SAM_EMAIL, GoogleMother.SAM_SUB, GoogleMother.CLIENT_ID, GoogleMother.TAX_RETURN_ID,
                MicrosoftTenantMother.SAM_ID, MicrosoftTenantMother.SAM_UPN, MicrosoftTenantMother.ACME_TENANT_ID,
                MicrosoftTenantMother.CLIENT_ID, MicrosoftTenantMother.GENERAL_CHANNEL_ID));
        assertThat(secrets).doesNotHaveDuplicates().allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(8));

        ResponseEntity<String> answer = api.get("/sandbox/api/secrets");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(strings(SandboxApi.json(answer))).containsExactlyInAnyOrderElementsOf(secrets);
    }

    @Test
    void keepsTokensAfterTheyAreRevokedAndCodesAfterTheyAreRedeemed() {
        String code = google.code(GoogleMother.SAM_EMAIL, GoogleOAuthClient.SCOPE);
        String accessToken = GoogleOAuthClient.json(google.redeem(code, GoogleOAuthClient.VERIFIER)).get("access_token").asString();
        assertThat(google.revoke(accessToken).statusCode()).isEqualTo(200);
        assertThat(sandbox.slack().revokeToken(ACME_BOT_TOKEN)).isTrue();

        assertThat(sandbox.issuedSecrets()).contains(code, accessToken, ACME_BOT_TOKEN);
    }

    @Test
    void leavesOutValuesShorterThanEightCharactersAndForgetsEverythingIssuedOnReset() throws Exception {
        registerSlackApp("s3cret", "short");
        String code = slackCode();
        assertThat(sandbox.issuedSecrets()).contains(code, ACME_BOT_TOKEN).doesNotContain("s3cret", "short");

        sandbox.reset();

        assertThat(sandbox.issuedSecrets()).doesNotContain(code, ACME_BOT_TOKEN, GoogleMother.CLIENT_SECRET,
                MicrosoftTenantMother.CLIENT_SECRET);
        assertThat(strings(SandboxApi.json(api.get("/sandbox/api/secrets")))).doesNotContain(code, ACME_BOT_TOKEN);
    }

    private void registerSlackApp(String clientSecret, String signingSecret) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + SLACK_CLIENT_ID + "\",\"clientSecret\":\""
                        + clientSecret + "\",\"signingSecret\":\"" + signingSecret + "\",\"teamId\":\"" + ACME_TEAM_ID + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    private String slackCode() throws Exception {
        String url = sandbox.baseUrl() + "/oauth/v2/authorize?auto=true&client_id=" + SLACK_CLIENT_ID + "&scope=chat:write"
                + "&redirect_uri=" + URLEncoder.encode(SLACK_REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

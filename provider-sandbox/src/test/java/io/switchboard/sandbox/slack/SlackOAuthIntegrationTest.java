package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SlackWorkspaceMother;

/** The OAuth v2 install flow: authorize redirect, then {@code oauth.v2.access} through the real Slack SDK. */
class SlackOAuthIntegrationTest {

    private static final String REDIRECT = "https://app.test/slack/callback";
    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Slack slack;

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
    void seedWorkspaceAndApp() throws Exception {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\":\"111.222\",\"clientSecret\":\"s3cret\",\"teamId\":\"" + ACME_TEAM_ID + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    private String authorize(String challenge) throws Exception {
        String url = sandbox.baseUrl() + "/oauth/v2/authorize?auto=true&client_id=111.222&scope=chat:write&state=st1&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + (challenge == null ? "" : "&code_challenge_method=S256&code_challenge=" + challenge);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("state=st1");
        return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
    }

    @Test
    void installExchangesTheRedirectedCodeForAWorkingBotToken() throws Exception {
        String code = authorize(null);

        OAuthV2AccessResponse response = slack.methods().oauthV2Access(r -> r.clientId("111.222")
                .clientSecret("s3cret").code(code).redirectUri(REDIRECT));

        assertThat(response.isOk()).isTrue();
        assertThat(response.getAccessToken()).startsWith("xoxb-");
        assertThat(response.getTokenType()).isEqualTo("bot");
        assertThat(response.getTeam().getId()).isEqualTo(ACME_TEAM_ID);
        assertThat(response.getBotUserId()).isEqualTo(SlackWorkspaceMother.ACME_BOT_USER_ID);
        assertThat(slack.methods(response.getAccessToken()).authTest(r -> r).isOk()).isTrue();
    }

    @Test
    void installWithPkceNeedsTheMatchingVerifier() throws Exception {
        String verifier = "verifier-0123456789-0123456789-0123456789-abc";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = authorize(challenge);

        // The SDK's oauth.v2.access request has no code_verifier, so this call is a plain form POST.
        String missing = accessWithVerifier(code, "wrong-verifier");
        String code2 = authorize(challenge);
        String ok = accessWithVerifier(code2, verifier);

        assertThat(missing).contains("\"ok\":false");
        assertThat(ok).contains("\"ok\":true").contains("\"token_type\":\"bot\"");
    }

    private String accessWithVerifier(String code, String verifier) throws Exception {
        String form = "client_id=111.222&client_secret=s3cret&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code=" + code + "&code_verifier=" + verifier;
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.slackMethodsUrl() + "oauth.v2.access"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void refusesAReusedCodeAndAWrongRedirectUriAndABadSecret() throws Exception {
        String code = authorize(null);
        slack.methods().oauthV2Access(r -> r.clientId("111.222").clientSecret("s3cret").code(code).redirectUri(REDIRECT));
        String other = authorize(null);
        String third = authorize(null);

        OAuthV2AccessResponse reused = slack.methods().oauthV2Access(r -> r.clientId("111.222")
                .clientSecret("s3cret").code(code).redirectUri(REDIRECT));
        OAuthV2AccessResponse wrongRedirect = slack.methods().oauthV2Access(r -> r.clientId("111.222")
                .clientSecret("s3cret").code(other).redirectUri("https://evil.test/cb"));
        OAuthV2AccessResponse badSecret = slack.methods().oauthV2Access(r -> r.clientId("111.222")
                .clientSecret("nope").code(third).redirectUri(REDIRECT));

        assertThat(reused.getError()).isEqualTo("invalid_code");
        assertThat(wrongRedirect.getError()).isEqualTo("bad_redirect_uri");
        assertThat(badSecret.getError()).isEqualTo("bad_client_secret");
    }
}

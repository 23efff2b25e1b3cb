package io.switchboard.sandbox.google;

import static io.switchboard.sandbox.support.GoogleMother.BEA_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_ID;
import static io.switchboard.sandbox.support.GoogleMother.REDIRECT_URI;
import static io.switchboard.sandbox.support.GoogleMother.SAM_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.SAM_SUB;
import static io.switchboard.sandbox.support.GoogleOAuthClient.GMAIL_READONLY;
import static io.switchboard.sandbox.support.GoogleOAuthClient.SCOPE;
import static io.switchboard.sandbox.support.GoogleOAuthClient.VERIFIER;
import static io.switchboard.sandbox.support.GoogleOAuthClient.json;
import static io.switchboard.sandbox.support.GoogleOAuthClient.location;
import static io.switchboard.sandbox.support.GoogleOAuthClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.GoogleMother;
import io.switchboard.sandbox.support.GoogleOAuthClient;
import tools.jackson.databind.JsonNode;

/** Google's OAuth endpoints driven as a web-server app with PKCE drives them, over plain HTTP. */
class GoogleOAuthIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final GoogleOAuthClient client = new GoogleOAuthClient(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.google().seed(GoogleMother.practice());
    }

    @Test
    void exchangesACodeWithPkceForOfflineTokensAndTellsWhichAccountConnected() {
        HttpResponse<String> authorize = client.authorize(SAM_EMAIL, SCOPE, "offline", null);

        assertThat(authorize.statusCode()).isEqualTo(302);
        MultiValueMap<String, String> redirect = location(authorize);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI + "?");
        assertThat(redirect.getFirst("state")).isEqualTo("st&te 1");
        HttpResponse<String> token = client.redeem(redirect.getFirst("code"), VERIFIER);

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode body = json(token);
        assertThat(body.get("access_token").asString()).startsWith("ya29.");
        assertThat(body.get("refresh_token").asString()).startsWith("1//");
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("openid",
                "https://www.googleapis.com/auth/userinfo.email", "https://www.googleapis.com/auth/userinfo.profile",
                GMAIL_READONLY, GoogleOAuthClient.GMAIL_SEND);
        String claims = new String(Base64.getUrlDecoder().decode(body.get("id_token").asString().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"" + SAM_SUB + "\"", "\"aud\":\"" + CLIENT_ID + "\"");

        JsonNode userinfo = json(client.userinfo(body.get("access_token").asString()));
        assertThat(userinfo.get("sub").asString()).isEqualTo(SAM_SUB);
        assertThat(userinfo.get("email").asString()).isEqualTo(SAM_EMAIL);
        assertThat(userinfo.get("email_verified").asBoolean()).isTrue();
        assertThat(userinfo.get("name").asString()).isEqualTo("Sam Staff");
    }

    @Test
    void issuesARefreshTokenOnFirstOfflineConsentOnlyUnlessConsentIsPromptedAgain() {
        JsonNode first = client.connect(SAM_EMAIL, GMAIL_READONLY);
        JsonNode again = client.connect(SAM_EMAIL, GMAIL_READONLY);
        JsonNode online = json(client.redeem(GoogleOAuthClient.code(client.authorize(BEA_EMAIL, GMAIL_READONLY, null, null)),
                VERIFIER));
        JsonNode prompted = json(client.redeem(GoogleOAuthClient.code(
                client.authorize(SAM_EMAIL, GMAIL_READONLY, "offline", "consent")), VERIFIER));

        assertThat(first.has("refresh_token")).isTrue();
        assertThat(again.has("refresh_token")).isFalse();
        assertThat(online.has("refresh_token")).isFalse();
        assertThat(prompted.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
    }

    @Test
    void refreshesAnAccessTokenAndKeepsTheRefreshTokenWorking() {
        String refreshToken = client.connect(SAM_EMAIL, GMAIL_READONLY).get("refresh_token").asString();

        JsonNode refreshed = json(client.refresh(refreshToken));
        JsonNode again = json(client.refresh(refreshToken));

        assertThat(refreshed.get("access_token").asString()).startsWith("ya29.");
        assertThat(refreshed.has("refresh_token")).isFalse();
        assertThat(refreshed.get("scope").asString()).isEqualTo(GMAIL_READONLY);
        assertThat(again.get("access_token").asString()).isNotEqualTo(refreshed.get("access_token").asString());
        assertThat(client.gmailGet("/profile", again.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongVerifierAndASecondRedemptionOfACode() {
        String code = client.code(SAM_EMAIL, GMAIL_READONLY);
        HttpResponse<String> wrongVerifier = client.redeem(code, "another-verifier-0123456789-0123456789-0123456789");
        HttpResponse<String> replayed = client.redeem(code, VERIFIER);

        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(json(wrongVerifier).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(wrongVerifier).get("error_description").asString()).isEqualTo("Invalid code verifier.");
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void revokingTheRefreshTokenRevokesTheGrantForRefreshGmailAndUserinfo() {
        JsonNode tokens = client.connect(SAM_EMAIL, "email " + GMAIL_READONLY);
        String accessToken = tokens.get("access_token").asString();
        String refreshToken = tokens.get("refresh_token").asString();

        HttpResponse<String> revoked = client.revoke(refreshToken);

        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> refresh = client.refresh(refreshToken);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(json(refresh).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(refresh).get("error_description").asString()).isEqualTo("Token has been expired or revoked.");
        HttpResponse<String> gmail = client.gmailGet("/profile", accessToken);
        assertThat(gmail.statusCode()).isEqualTo(401);
        assertThat(json(gmail).at("/error/code").asInt()).isEqualTo(401);
        assertThat(json(gmail).at("/error/status").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(client.userinfo(accessToken).statusCode()).isEqualTo(401);
        assertThat(json(client.revoke(refreshToken)).get("error").asString()).isEqualTo("invalid_token");
        assertThat(client.connect(SAM_EMAIL, GMAIL_READONLY).has("refresh_token")).as("consent again after a revoke").isTrue();
    }

    @Test
    void expiredAccessTokensAreRefusedByGmailWhileTheRefreshTokenStillWorks() {
        JsonNode tokens = client.connect(SAM_EMAIL, GMAIL_READONLY);

        sandbox.google().expireAccessTokens(SAM_EMAIL);

        assertThat(client.gmailGet("/profile", tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
        String fresh = json(client.refresh(tokens.get("refresh_token").asString())).get("access_token").asString();
        assertThat(client.gmailGet("/profile", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void showsAnAccountChooserWithoutAutoAndSendsADenialBackToTheApp() {
        HttpResponse<String> chooser = client.authorize(null, GMAIL_READONLY, "offline", null);

        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("Continue as Sam Staff (" + SAM_EMAIL + ")", "Continue as Bea Books");

        HttpResponse<String> denied = client.get("/o/oauth2/v2/auth", params("client_id", CLIENT_ID, "redirect_uri", REDIRECT_URI,
                "response_type", "code", "scope", GMAIL_READONLY, "state", "s1", "auto", "deny"));
        assertThat(location(denied).getFirst("error")).isEqualTo("access_denied");
        assertThat(location(denied).getFirst("state")).isEqualTo("s1");
    }

    @Test
    void showsRequestErrorsOnItsOwnPageInsteadOfRedirecting() {
        HttpResponse<String> wrongRedirect = client.get("/o/oauth2/v2/auth", params("client_id", CLIENT_ID,
                "redirect_uri", "https://evil.test/cb", "response_type", "code", "scope", GMAIL_READONLY));
        HttpResponse<String> unknownClient = client.get("/o/oauth2/v2/auth", params("client_id", "nobody",
                "redirect_uri", REDIRECT_URI, "response_type", "code", "scope", GMAIL_READONLY));
        HttpResponse<String> badScope = client.get("/o/oauth2/v2/auth", params("client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI, "response_type", "code", "scope", "gmail.everything"));

        assertThat(wrongRedirect.statusCode()).isEqualTo(400);
        assertThat(wrongRedirect.body()).contains("redirect_uri_mismatch");
        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(unknownClient.body()).contains("invalid_client");
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(badScope.body()).contains("invalid_scope");
        assertThat(wrongRedirect.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void refusesAWrongClientSecret() {
        HttpResponse<String> token = client.post("/token", params("grant_type", "authorization_code",
                "code", client.code(SAM_EMAIL, GMAIL_READONLY), "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID,
                "client_secret", "wrong", "code_verifier", VERIFIER));

        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(json(token).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void recordsOAuthCallsWithSecretsMasked() {
        JsonNode tokens = client.connect(SAM_EMAIL, GMAIL_READONLY);
        client.revoke(tokens.get("refresh_token").asString());

        String recorded = sandbox.requests("google").stream().map(RecordedRequest::toString).reduce("", String::concat);
        assertThat(sandbox.requests("google")).extracting(RecordedRequest::path)
                .containsExactly("/o/oauth2/v2/auth", "/token", "/revoke");
        assertThat(recorded).doesNotContain(GoogleMother.CLIENT_SECRET, VERIFIER, tokens.get("refresh_token").asString());
    }
}

package io.switchboard.sandbox.identity;

import static io.switchboard.sandbox.support.MicrosoftOAuthClient.VERIFIER;
import static io.switchboard.sandbox.support.MicrosoftOAuthClient.json;
import static io.switchboard.sandbox.support.MicrosoftOAuthClient.location;
import static io.switchboard.sandbox.support.MicrosoftOAuthClient.params;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_DOMAIN;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_TENANT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ADA_UPN;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ADMIN_REDIRECT_URI;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.OTTO_UPN;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.REDIRECT_URI;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_UPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;
import tools.jackson.databind.JsonNode;

/** The Microsoft identity endpoints driven as a confidential OAuth client with PKCE drives them, over plain HTTP. */
class MicrosoftIdentityIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final MicrosoftOAuthClient client = new MicrosoftOAuthClient(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void exchangesAnAuthorizationCodeWithPkceForTokensThatOpenGraph() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());

        HttpResponse<String> authorize = client.authorize(ACME_TENANT_ID, SAM_UPN, "st&te+1");
        MultiValueMap<String, String> redirect = location(authorize);
        HttpResponse<String> token = client.redeem(ACME_TENANT_ID, redirect.getFirst("code"), VERIFIER);

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI + "?");
        assertThat(redirect.getFirst("state")).isEqualTo("st&te+1");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode body = json(token);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(body.get("scope").asString()).contains("ChannelMessage.Send").doesNotContain("offline_access");
        assertThat(body.get("refresh_token").asString()).isNotBlank();
        assertThat(idTokenClaims(body.get("id_token").asString()).get("oid").asString()).isEqualTo(SAM_ID);
        HttpResponse<String> me = client.graphGet("/me", body.get("access_token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("userPrincipalName").asString()).isEqualTo(SAM_UPN);
    }

    @Test
    void issuesNoRefreshTokenWithoutOfflineAccess() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        HttpResponse<String> authorize = client.get("common/oauth2/v2.0/authorize", params("client_id", CLIENT_ID,
                "response_type", "code", "redirect_uri", REDIRECT_URI, "scope", "User.Read", "login_hint", SAM_UPN, "auto", "true"));

        JsonNode body = json(client.token("common", params("grant_type", "authorization_code",
                "code", location(authorize).getFirst("code"), "redirect_uri", REDIRECT_URI)));

        assertThat(body.has("access_token")).isTrue();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.has("id_token")).isFalse();
    }

    @Test
    void refusesAWrongCodeVerifierAndASecondRedemptionOfACode() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        String code = client.code(ACME_TENANT_ID, SAM_UPN);
        String other = client.code(ACME_TENANT_ID, SAM_UPN);

        HttpResponse<String> wrongVerifier = client.redeem(ACME_TENANT_ID, code, "not-the-verifier-0123456789-0123456789-012345");
        HttpResponse<String> reused = client.redeem(ACME_TENANT_ID, code, VERIFIER);
        HttpResponse<String> missingVerifier = client.token(ACME_TENANT_ID, params("grant_type", "authorization_code",
                "code", other, "redirect_uri", REDIRECT_URI));

        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        JsonNode error = json(wrongVerifier);
        assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asString()).startsWith("AADSTS501481: ").contains("Trace ID: ");
        assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(501481);
        assertThat(error.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(error.get("trace_id").asString()).isNotBlank();
        assertThat(error.get("correlation_id").asString()).isNotBlank();
        assertThat(json(reused).get("error_codes").get(0).asInt()).isEqualTo(54005);
        assertThat(json(missingVerifier).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void refusesABadClientSecretAndARedirectUriThatDiffersFromTheAuthorizeOne() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        String code = client.code(ACME_TENANT_ID, SAM_UPN);

        HttpResponse<String> badSecret = client.token(ACME_TENANT_ID, params("client_secret", "wrong", "grant_type",
                "authorization_code", "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", VERIFIER));
        String second = client.code(ACME_TENANT_ID, SAM_UPN);
        HttpResponse<String> otherRedirect = client.token(ACME_TENANT_ID, params("grant_type", "authorization_code",
                "code", second, "redirect_uri", ADMIN_REDIRECT_URI, "code_verifier", VERIFIER));
        HttpResponse<String> unknownGrant = client.token(ACME_TENANT_ID, params("grant_type", "password"));

        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(json(badSecret).get("error").asString()).isEqualTo("invalid_client");
        assertThat(json(badSecret).get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(json(otherRedirect).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(unknownGrant).get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void acceptsClientCredentialsByHttpBasicAndRefusesACodeAtAnotherTenantsAuthority() throws Exception {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        sandbox.microsoft().seed(MicrosoftTenantMother.other());
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=authorization_code&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&code_verifier=" + VERIFIER + "&code=";

        HttpResponse<String> basicAuth = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(sandbox.microsoftAuthority() + "/common/oauth2/v2.0/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + client.code("common", SAM_UPN))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherTenant = client.redeem(MicrosoftTenantMother.OTHER_TENANT_ID,
                client.code("common", SAM_UPN), VERIFIER);

        assertThat(basicAuth.statusCode()).isEqualTo(200);
        assertThat(json(otherTenant).get("error_codes").get(0).asInt()).isEqualTo(700005);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndTheOldOneStopsWorking() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        JsonNode first = client.signIn(SAM_UPN);
        String firstRefresh = first.get("refresh_token").asString();

        HttpResponse<String> refreshed = client.refresh("organizations", firstRefresh);
        HttpResponse<String> replayed = client.refresh("organizations", firstRefresh);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(firstRefresh);
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(client.graphGet("/me", second.get("access_token").asString()).statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(client.refresh("organizations", second.get("refresh_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesDelegatedConsentUntilTheTenantAdminConsentsForTheApp() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acme());

        MultiValueMap<String, String> refused = location(client.authorize("organizations", SAM_UPN, "before"));
        HttpResponse<String> consent = client.adminConsent("organizations", ADA_UPN, ADMIN_REDIRECT_URI, "consent-state");
        MultiValueMap<String, String> granted = location(client.authorize("organizations", SAM_UPN, "after"));

        assertThat(refused.getFirst("error")).isEqualTo("consent_required");
        assertThat(refused.getFirst("error_description")).startsWith("AADSTS65001:");
        assertThat(refused.getFirst("state")).isEqualTo("before");
        assertThat(refused.containsKey("code")).isFalse();
        assertThat(consent.statusCode()).isEqualTo(302);
        assertThat(consent.headers().firstValue("Location").orElseThrow()).startsWith(ADMIN_REDIRECT_URI + "?");
        MultiValueMap<String, String> consented = location(consent);
        assertThat(consented.getFirst("admin_consent")).isEqualTo("True");
        assertThat(consented.getFirst("tenant")).isEqualTo(ACME_TENANT_ID);
        assertThat(consented.getFirst("state")).isEqualTo("consent-state");
        assertThat(sandbox.microsoft().hasAdminConsent(ACME_TENANT_ID, CLIENT_ID)).isTrue();
        assertThat(granted.getFirst("code")).isNotBlank();
        assertThat(granted.getFirst("state")).isEqualTo("after");
    }

    @Test
    void refusesAdminConsentFromAUserWhoIsNotATenantAdmin() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acme());

        MultiValueMap<String, String> redirect = location(client.adminConsent(ACME_TENANT_ID, SAM_UPN, ADMIN_REDIRECT_URI, "s1"));

        assertThat(redirect.getFirst("error")).isEqualTo("access_denied");
        assertThat(redirect.getFirst("error_description")).startsWith("AADSTS90094:").contains("requires admin");
        assertThat(redirect.getFirst("state")).isEqualTo("s1");
        assertThat(redirect.containsKey("admin_consent")).isFalse();
        assertThat(sandbox.microsoft().hasAdminConsent(ACME_TENANT_ID, CLIENT_ID)).isFalse();
    }

    @Test
    void revokedGrantsFailRefreshWithInvalidGrantAndGraphWith401() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        JsonNode tokens = client.signIn(SAM_UPN);

        int revoked = sandbox.microsoft().revokeGrants(ACME_TENANT_ID, SAM_UPN);
        HttpResponse<String> refresh = client.refresh("organizations", tokens.get("refresh_token").asString());
        HttpResponse<String> me = client.graphGet("/me", tokens.get("access_token").asString());

        assertThat(revoked).isEqualTo(2);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(json(refresh).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(refresh).get("error_codes").get(0).asInt()).isEqualTo(50173);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(json(me).get("error").get("code").asString()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void expiredAccessTokensAnswer401WhileTheRefreshTokenStillWorks() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        JsonNode tokens = client.signIn(SAM_UPN);

        sandbox.microsoft().expireAccessTokens(ACME_TENANT_ID, SAM_ID);
        HttpResponse<String> me = client.graphGet("/me", tokens.get("access_token").asString());
        HttpResponse<String> refreshed = client.refresh("organizations", tokens.get("refresh_token").asString());

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(json(me).get("error").get("message").asString()).contains("expired");
        assertThat(client.graphGet("/me", json(refreshed).get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokensLiveTheConfiguredLifetime() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        sandbox.microsoft().accessTokenLifetime(Duration.ofSeconds(1));

        JsonNode tokens = client.signIn(SAM_UPN);
        String accessToken = tokens.get("access_token").asString();

        assertThat(tokens.get("expires_in").asLong()).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.graphGet("/me", accessToken).statusCode() == 401);
    }

    @Test
    void signInPageListsTheTenantsUsersAndItsLinkSignsIn() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());

        HttpResponse<String> page = client.authorize(ACME_DOMAIN, null, "page-state");
        Matcher link = Pattern.compile("id=\"" + Pattern.quote(SAM_UPN) + "\" href=\"([^\"]+)\"").matcher(page.body());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ADA_UPN).contains(SAM_UPN).contains("tenant admin");
        assertThat(link.find()).isTrue();
        HttpResponse<String> signedIn = client.getUrl(sandbox.baseUrl() + link.group(1).replace("&amp;", "&"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn).getFirst("code")).isNotBlank();
        assertThat(location(signedIn).getFirst("state")).isEqualTo("page-state");
    }

    @Test
    void aUserSignedInThroughTheSandboxSkipsTheSignInPage() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        sandbox.microsoft().signIn(SAM_UPN);

        HttpResponse<String> authorize = client.authorize("common", null, "sso");
        HttpResponse<String> hintedAtSam = client.get("common/oauth2/v2.0/authorize", params("client_id", CLIENT_ID,
                "response_type", "code", "redirect_uri", REDIRECT_URI, "scope", "User.Read", "login_hint", SAM_UPN));
        HttpResponse<String> hintedAtAda = client.get("common/oauth2/v2.0/authorize", params("client_id", CLIENT_ID,
                "response_type", "code", "redirect_uri", REDIRECT_URI, "scope", "User.Read", "login_hint", ADA_UPN));

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(hintedAtSam.statusCode()).isEqualTo(302);
        assertThat(hintedAtAda.statusCode()).isEqualTo(200);
        String code = location(authorize).getFirst("code");
        JsonNode tokens = json(client.redeem("common", code, VERIFIER));
        assertThat(json(client.graphGet("/me", tokens.get("access_token").asString())).get("id").asString()).isEqualTo(SAM_ID);
    }

    @Test
    void anUnknownAppOrUnregisteredRedirectUriGetsAnErrorPageNotARedirect() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());

        HttpResponse<String> unknownApp = client.get("common/oauth2/v2.0/authorize", params("client_id", "nope",
                "response_type", "code", "redirect_uri", REDIRECT_URI, "scope", "User.Read"));
        HttpResponse<String> badRedirect = client.get("common/oauth2/v2.0/authorize", params("client_id", CLIENT_ID,
                "response_type", "code", "redirect_uri", "https://evil.test/cb", "scope", "User.Read"));
        HttpResponse<String> unknownTenant = client.get("no-such-tenant.test/adminconsent", params("client_id", CLIENT_ID,
                "redirect_uri", ADMIN_REDIRECT_URI));

        assertThat(unknownApp.statusCode()).isEqualTo(400);
        assertThat(unknownApp.body()).contains("AADSTS700016");
        assertThat(badRedirect.statusCode()).isEqualTo(400);
        assertThat(badRedirect.body()).contains("AADSTS50011");
        assertThat(badRedirect.headers().firstValue("Location")).isEmpty();
        assertThat(unknownTenant.body()).contains("AADSTS90002");
    }

    @Test
    void aTenantSpecificAuthorityRefusesAUserOfAnotherTenant() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        sandbox.microsoft().seed(MicrosoftTenantMother.other());

        MultiValueMap<String, String> redirect = location(client.authorize(ACME_TENANT_ID, OTTO_UPN, "x"));

        assertThat(redirect.getFirst("error_description")).startsWith("AADSTS50020:");
    }

    @Test
    void recordsIdentityAndGraphCallsWithoutSecretsCodesOrTokens() {
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        String code = client.code(ACME_TENANT_ID, SAM_UPN);
        JsonNode tokens = json(client.redeem(ACME_TENANT_ID, code, VERIFIER));
        JsonNode refreshed = json(client.refresh(ACME_TENANT_ID, tokens.get("refresh_token").asString()));
        client.graphGet("/me", refreshed.get("access_token").asString());

        String recorded = sandbox.requests().stream().map(RecordedRequest::toString).reduce("", String::concat);

        assertThat(sandbox.requests("identity")).hasSize(3);
        assertThat(sandbox.requests("graph")).hasSize(1);
        assertThat(recorded).doesNotContain(CLIENT_SECRET).doesNotContain(code).doesNotContain(VERIFIER)
                .doesNotContain(tokens.get("refresh_token").asString()).doesNotContain(tokens.get("access_token").asString())
                .doesNotContain(refreshed.get("access_token").asString())
                .doesNotContain(refreshed.get("refresh_token").asString());
        assertThat(sandbox.requests("graph").get(0).headers().get("authorization")).startsWith("Bearer graph-…");
    }

    private static JsonNode idTokenClaims(String idToken) {
        String payload = idToken.split("\\.")[1];
        return tools.jackson.databind.json.JsonMapper.shared().readTree(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

}

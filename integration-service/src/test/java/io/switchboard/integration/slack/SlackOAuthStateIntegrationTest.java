package io.switchboard.integration.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.integration.oauth.BrowserBinding;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

/** The install's state: unguessable, single-use, expiring, bound to the starting browser, and only an admin starts one. */
@SwitchboardIntegrationTest
class SlackOAuthStateIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    PracticeMother practice;

    @BeforeEach
    void practice() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "OAuth Co");
    }

    @Test
    void theAuthorizeUrlCarriesClientScopesRedirectStateAndPkce() {
        Api.Response started = api.post("/connections/slack/authorize", practice.admin(), "");

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        var query = UriComponentsBuilder.fromUri(URI.create(started.json().get("authorizeUrl").asText())).build()
                .getQueryParams();
        assertThat(started.json().get("authorizeUrl").asText()).contains("/oauth/v2/authorize?");
        assertThat(query.getFirst("client_id")).isEqualTo("switchboard-dev-client");
        assertThat(query.getFirst("scope")).contains("chat:write");
        assertThat(query.getFirst("redirect_uri")).endsWith("/connections/slack/callback");
        assertThat(query.getFirst("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query.getFirst("code_challenge")).hasSize(43);
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(jdbc.sql("select count(*) from oauth_state where state_hash = :s")
                .param("s", query.getFirst("state")).query(Long.class).single()).as("the state is stored hashed").isZero();
    }

    @Test
    void staffCannotStartAConnect() {
        assertThat(api.post("/connections/slack/authorize", practice.staff(), "").status()).isEqualTo(403);
        assertThat(api.post("/connections/slack/authorize", null, "").status()).isEqualTo(401);
    }

    @Test
    void aForgedStateIsRefused() {
        Api.Response callback = callback("code=anything&state=" + UUID.randomUUID());

        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.header("Location")).endsWith("/settings/integrations?slack=error&reason=invalid_state");
        assertThat(api.get("/connections", practice.admin()).json().get(0).get("status").asText())
                .isEqualTo("DISCONNECTED");
    }

    @Test
    void aStateWorksOnceEvenWhenTheAdminDeclined() {
        String state = state(api.post("/connections/slack/authorize", practice.admin(), ""));

        Api.Response declined = callback("error=access_denied&state=" + state);
        Api.Response reused = callback("code=abc&state=" + state);

        assertThat(declined.header("Location")).contains("slack=error&reason=access_denied");
        assertThat(reused.header("Location")).contains("slack=error&reason=invalid_state");
    }

    @Test
    void startingAFlowGivesTheBrowserAnHttpOnlyBindingCookie() {
        Api.Response started = api.post("/connections/slack/authorize", practice.admin(), "");

        assertThat(started.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(BrowserBinding.COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/"));
    }

    @Test
    void aCallbackFromAnotherBrowserThanTheOneThatStartedTheFlowIsRefusedAndSpendsTheState() throws Exception {
        String state = state(api.post("/connections/slack/authorize", practice.admin(), ""));

        // Another browser: no cookie of this one's (a victim lured to the admin's consent link, say).
        HttpResponse<String> elsewhere = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/connections/slack/callback?code=abc&state=" + state)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).contains("reason=invalid_state");
        assertThat(callback("code=abc&state=" + state).header("Location"))
                .as("the starting browser cannot use the spent state either").contains("reason=invalid_state");
    }

    @Test
    void anExpiredStateIsRefused() {
        String state = state(api.post("/connections/slack/authorize", practice.admin(), ""));
        jdbc.sql("update oauth_state set expires_at = now() - interval '1 second' where practice_id = :p")
                .param("p", practice.id).update();

        assertThat(callback("code=abc&state=" + state).header("Location")).contains("reason=expired_state");
    }

    @Test
    void theCallbackNeedsNoBearerTokenButOtherEndpointsDo() {
        assertThat(callback("state=x").status()).isEqualTo(302);
        assertThat(api.get("/connections", null).status()).isEqualTo(401);
        assertThat(api.get("/connections", TestTokens.service("internal")).status()).isIn(401, 403)
                .as("a service token is no practice user");
    }

    private Api.Response callback(String query) {
        return api.get("/connections/slack/callback?" + query, null);
    }

    private static String state(Api.Response started) {
        return UriComponentsBuilder.fromUri(URI.create(started.json().get("authorizeUrl").asText())).build()
                .getQueryParams().getFirst("state");
    }
}

package io.switchboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.GoogleSandbox;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Gmail (FEATURES.md P4, P6, G6) through Google's real OAuth flow at the sandbox: an admin enables it, each
 * user connects the Google account of their own directory email, tokens go only to services, and disabling
 * revokes every user's grant at Google.
 */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class GmailConnectionIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    Api api;
    PracticeMother practice;
    GoogleSandbox google;

    @BeforeEach
    void practiceWithGoogleAccounts() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Gmail Co");
        google = GoogleSandbox.accounts(practice.adminEmail, practice.staffEmail);
    }

    @Test
    void anAdminEnablesGmailAndAUserConnectsTheirOwnAccountWhoseTokenOnlyServicesGet(CapturedOutput output) throws Exception {
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            assertThat(api.post("/connections/gmail", practice.admin(), "").status()).isEqualTo(201);
            ConnectionChanged enabled = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.provider() == Provider.GMAIL && c.scope() == ConnectionScope.PRACTICE);
            assertThat(enabled.status()).isEqualTo(ConnectionStatus.CONNECTED);

            assertThat(google.connect(api, practice.staff(), practice.staffEmail, false)).endsWith("gmail=connected");
            ConnectionChanged connected = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.provider() == Provider.GMAIL && c.scope() == ConnectionScope.USER);
            assertThat(connected.userId()).isEqualTo(practice.staffId);
            assertThat(connected.externalName()).isEqualTo(practice.staffEmail);
        }
        JsonNode mine = api.get("/connections", practice.staff()).json().get(2);
        assertThat(mine.get("provider").asText()).isEqualTo("GMAIL");
        assertThat(mine.get("me").get("status").asText()).isEqualTo("CONNECTED");
        assertThat(mine.get("me").get("sync").asBoolean()).isFalse();

        Api.Response token = api.get(tokenPath(practice.staffId), TestTokens.service("internal"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("email").asText()).isEqualTo(practice.staffEmail);
        // A JSON array of scopes, as gmail-sync-service and the notifier read it.
        JsonNode scopes = token.json().get("scopes");
        assertThat(scopes.isArray()).as(token.body()).isTrue();
        assertThat(scopes.valueStream().map(JsonNode::asText).toList())
                .contains("https://www.googleapis.com/auth/gmail.send")
                .doesNotContain("https://www.googleapis.com/auth/gmail.readonly")
                .allSatisfy(scope -> assertThat(scope).isNotBlank().doesNotContainAnyWhitespaces());
        String accessToken = token.json().get("accessToken").asText();
        assertThat(gmailProfile(accessToken)).isEqualTo(403); // the add-on and send scopes cannot read the mailbox
        assertThat(api.get(tokenPath(practice.staffId), practice.admin()).status()).isEqualTo(403);
        assertThat(output.getAll()).doesNotContain(accessToken);
    }

    @Test
    void aUserWhoOptsInToSyncGrantsReadAccessAndNoOneElseDoes() throws Exception {
        api.post("/connections/gmail", practice.admin(), "");

        assertThat(google.connect(api, practice.staff(), practice.staffEmail, true)).endsWith("gmail=connected");

        assertThat(api.get("/connections", practice.staff()).json().get(2).get("me").get("sync").asBoolean()).isTrue();
        String accessToken = api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json()
                .get("accessToken").asText();
        assertThat(gmailProfile(accessToken)).isEqualTo(200);
    }

    @Test
    void aGoogleAccountOtherThanTheUsersDirectoryEmailIsRefusedAndItsGrantRevoked() {
        api.post("/connections/gmail", practice.admin(), "");

        String back = google.connect(api, practice.staff(), practice.adminEmail, false);

        assertThat(back).contains("gmail=error").contains("reason=account_mismatch");
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("USER_NOT_CONNECTED");
        assertThat(google.sandbox.requests("google").stream().anyMatch(r -> r.path().equals("/revoke"))).isTrue();
    }

    @Test
    void nobodyConnectsWhileGmailIsDisabledAndStaffCannotEnableIt() {
        Api.Response early = api.post("/me/connections/gmail/authorize", practice.staff(), "");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("reason").asText()).isEqualTo("GMAIL_DISABLED");
        assertThat(api.post("/connections/gmail", practice.staff(), "").status()).isEqualTo(403);
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("PROVIDER_DISCONNECTED");
    }

    @Test
    void disablingGmailRevokesEveryUsersGrantAtGoogleAndSaysSo() throws Exception {
        api.post("/connections/gmail", practice.admin(), "");
        google.connect(api, practice.staff(), practice.staffEmail, true);
        google.connect(api, practice.admin(), practice.adminEmail, false);
        String staffToken = api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json()
                .get("accessToken").asText();

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            assertThat(api.delete("/connections/gmail", practice.admin()).status()).isEqualTo(204);
            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id, c -> c.provider() == Provider.GMAIL
                    && c.scope() == ConnectionScope.USER && practice.staffId.equals(c.userId())
                    && c.status() == ConnectionStatus.DISCONNECTED);
            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id, c -> c.provider() == Provider.GMAIL
                    && c.scope() == ConnectionScope.PRACTICE && c.status() == ConnectionStatus.DISCONNECTED);
        }
        assertThat(gmailProfile(staffToken)).isEqualTo(401);
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("PROVIDER_DISCONNECTED");
        assertThat(api.get("/connections", practice.staff()).json().get(2).get("status").asText()).isEqualTo("DISCONNECTED");
    }

    @Test
    void aUserDisconnectsOnlyTheirOwnAccount() throws Exception {
        api.post("/connections/gmail", practice.admin(), "");
        google.connect(api, practice.staff(), practice.staffEmail, true);
        google.connect(api, practice.admin(), practice.adminEmail, false);
        String staffToken = api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json()
                .get("accessToken").asText();

        assertThat(api.delete("/me/connections/gmail", practice.staff()).status()).isEqualTo(204);

        assertThat(gmailProfile(staffToken)).isEqualTo(401);
        assertThat(api.get(tokenPath(practice.adminId), TestTokens.service("internal")).status()).isEqualTo(200);
        assertThat(api.delete("/me/connections/gmail", practice.staff()).status()).isEqualTo(404);
    }

    @Test
    void aRevokedGrantIsFoundAtTheNextRefreshAndMarkedBroken() {
        api.post("/connections/gmail", practice.admin(), "");
        google.connect(api, practice.staff(), practice.staffEmail, false);
        google.sandbox.google().revokeGrants(practice.staffEmail);

        Api.Response token = api.get(tokenPath(practice.staffId) + "?refresh=true", TestTokens.service("internal"));

        assertThat(token.status()).isEqualTo(409);
        assertThat(token.json().get("reason").asText()).isEqualTo("CONNECTION_NEEDS_REAUTH");
        assertThat(api.get("/connections", practice.staff()).json().get(2).get("me").get("status").asText())
                .isEqualTo("BROKEN");
    }

    private int gmailProfile(String accessToken) throws Exception {
        HttpResponse<String> profile = HTTP.send(HttpRequest.newBuilder(URI.create(
                        google.sandbox.gmailRootUrl() + "gmail/v1/users/me/profile"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        return profile.statusCode();
    }

    private String tokenPath(java.util.UUID userId) {
        return "/internal/practices/" + practice.id + "/users/" + userId + "/connections/gmail/token";
    }
}

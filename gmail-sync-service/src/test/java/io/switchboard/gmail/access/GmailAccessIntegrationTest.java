package io.switchboard.gmail.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import io.switchboard.gmail.testsupport.IntegrationStandIn;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.google.GmailMessageSeed;

/** G6: while Gmail cannot be used, every add-on call answers 403 with a reason that says why. */
class GmailAccessIntegrationTest extends GmailIntegrationTestBase {

    @Test
    void everyAddOnCallAnswersGmailDisabledWhilePracticeHasNotEnabledIt() {
        UUID practice = UUID.randomUUID();
        String token = TestTokens.staff(practice);
        UUID client = UUID.randomUUID();

        for (Api.Response response : new Api.Response[] {
                api().post("/messages/18c0ffee/assignments", token, Map.of("clientId", client)),
                api().get("/messages/18c0ffee/suggestions", token),
                api().get("/messages/18c0ffee/status", token),
                api().delete("/messages/18c0ffee/assignments/" + client, token),
                api().get("/compose/context?clientId=" + client, token),
                api().get("/proposals", token)}) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("reason").asText()).isEqualTo("GMAIL_DISABLED");
            assertThat(response.json().get("detail").asText()).isEqualTo("Gmail is disabled for the practice.");
        }
    }

    @Test
    void practiceDisabledByItsConnectionEventAnswersGmailDisabledAtOnce() {
        Staff sam = connectedStaff();
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "text")).id();
        assertThat(api().get("/messages/" + message + "/status", sam.token()).status()).isEqualTo(200);

        publish(new ConnectionChanged(sam.practiceId(), Provider.GMAIL, ConnectionScope.PRACTICE, null,
                ConnectionStatus.DISCONNECTED, null, null, "Disabled by a practice admin", UUID.randomUUID(),
                Instant.now()));

        // The token endpoint would still answer: the projection of the connection topic decides first.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get("/messages/" + message + "/status", sam.token()).status() == 403);
        assertThat(api().get("/messages/" + message + "/status", sam.token()).json().get("reason").asText())
                .isEqualTo("GMAIL_DISABLED");
    }

    @Test
    void userWhoHasNotConnectedGmailIsToldSo() {
        UUID practice = UUID.randomUUID();
        IntegrationStandIn.enable(practice);
        String token = TestTokens.staff(practice);

        Api.Response response = api().get("/messages/18c0ffee/suggestions", token);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("reason").asText()).isEqualTo("GMAIL_NOT_CONNECTED");
    }

    @Test
    void brokenConnectionAsksTheUserToReconnect() {
        Staff sam = connectedStaff();
        IntegrationStandIn.breakConnection(sam.practiceId(), sam.userId());
        publish(new ConnectionChanged(sam.practiceId(), Provider.GMAIL, ConnectionScope.USER, sam.userId(),
                ConnectionStatus.BROKEN, null, sam.email(), "Google refused the token", null, Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get("/messages/18c0ffee/status", sam.token()).status() == 403);
        assertThat(api().get("/messages/18c0ffee/status", sam.token()).json().get("reason").asText())
                .isEqualTo("GMAIL_NEEDS_REAUTH");
    }

    @Test
    void refreshesAnExpiredTokenOnceAndReportsATokenGmailStillRefuses() {
        Staff sam = connectedStaff();
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "text")).id();
        assertThat(api().get("/messages/" + message + "/suggestions", sam.token()).status()).isEqualTo(200);

        sandbox().google().expireAccessTokens(sam.email());
        assertThat(api().get("/messages/" + message + "/suggestions", sam.token()).status()).isEqualTo(200);
        assertThat(IntegrationStandIn.receivedFor(sam.practiceId(), sam.userId()))
                .anyMatch(r -> r.path().endsWith("/token?refresh=true"));

        sandbox().google().expireAccessTokens(sam.email());
        IntegrationStandIn.handOutRevokedTokens(sam.practiceId(), sam.userId());
        Api.Response refused = api().get("/messages/" + message + "/suggestions", sam.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asText()).isEqualTo("GMAIL_NEEDS_REAUTH");
        assertThat(IntegrationStandIn.receivedFor(sam.practiceId(), sam.userId()))
                .anyMatch(r -> r.method().equals("POST") && r.path().endsWith("/rejected") && r.body().contains("reason"));
    }

    @Test
    void clientPortalUsersAndAnonymousCallersGetNothing() {
        Staff sam = connectedStaff();
        String portal = TestTokens.user(sam.practiceId(), UUID.randomUUID(), Role.CLIENT);

        assertThat(api().get("/messages/18c0ffee/status", portal).status()).isEqualTo(403);
        assertThat(api().get("/messages/18c0ffee/status", null).status()).isEqualTo(401);
    }
}

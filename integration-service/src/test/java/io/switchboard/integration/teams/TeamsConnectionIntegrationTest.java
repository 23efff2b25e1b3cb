package io.switchboard.integration.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.support.TeamsSandbox;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Teams (FEATURES.md P3, P6, P8) through the Microsoft identity platform's real flows at the sandbox: the
 * organisation's admin consent first, then each user's own delegated connection; tokens handed only to
 * services, refreshed before they expire, and a refused refresh marks the connection broken.
 */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TeamsConnectionIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TeamsConnections connections;
    Api api;
    PracticeMother practice;
    TeamsSandbox microsoft;

    @BeforeEach
    void practiceWithAMicrosoftOrganisation() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Teams Co");
        microsoft = TeamsSandbox.organisation(practice.adminEmail, practice.staffEmail);
    }

    @AfterEach
    void defaultTokenLifetime() {
        microsoft.sandbox.microsoft().accessTokenLifetime(Duration.ofHours(1));
    }

    @Test
    void afterTheAdminConsentsEachUserConnectsTheirOwnAccountAndOnlyServicesGetTheToken(CapturedOutput output)
            throws Exception {
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            assertThat(microsoft.consent(api, practice.admin(), practice.adminEmail)).endsWith("teams=connected");
            ConnectionChanged consented = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.scope() == ConnectionScope.PRACTICE);
            assertThat(consented.provider()).isEqualTo(Provider.MICROSOFT_TEAMS);
            assertThat(consented.externalId()).isEqualTo(microsoft.tenantId);

            assertThat(microsoft.connectUser(api, practice.staff(), practice.staffEmail)).endsWith("teams=connected");
            ConnectionChanged sam = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.scope() == ConnectionScope.USER);
            assertThat(sam.userId()).isEqualTo(practice.staffId);
            assertThat(sam.externalId()).isEqualTo(microsoft.microsoftUserId(1));
        }
        JsonNode teams = api.get("/connections", practice.staff()).json().get(1);
        assertThat(teams.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(teams.get("me").get("status").asText()).isEqualTo("CONNECTED");
        assertThat(api.get("/connections", practice.admin()).json().get(1).get("me").get("status").asText())
                .isEqualTo("DISCONNECTED");
        assertThat(api.get("/directory/users", practice.admin()).body()).contains(microsoft.microsoftUserId(1));

        Api.Response token = api.get(tokenPath(practice.staffId), TestTokens.service("internal"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String accessToken = token.json().get("accessToken").asText();
        assertThat(graphMe(accessToken)).contains(microsoft.microsoftUserId(1));
        assertThat(api.get(tokenPath(practice.staffId), practice.admin()).status()).isEqualTo(403);
        assertThat(api.get("/connections", practice.staff()).body()).doesNotContain(accessToken);
        assertThat(output.getAll()).doesNotContain(accessToken);
    }

    @Test
    void anAccountThatMayNotConsentForTheOrganisationIsToldAnAdministratorMust() {
        PracticeMother elsewhere = PracticeMother.withStaff(api, "No Tenant Admin Co");
        TeamsSandbox noAdmins = TeamsSandbox.organisationWithoutTenantAdmin(elsewhere.adminEmail);

        String back = noAdmins.consent(api, elsewhere.admin(), elsewhere.adminEmail);

        assertThat(back).contains("teams=error").contains("reason=admin_consent_required");
        assertThat(api.get("/connections", elsewhere.admin()).json().get(1).get("status").asText()).isEqualTo("DISCONNECTED");
    }

    @Test
    void usersCannotConnectBeforeTheOrganisationConsentedAndStaffCannotConsent() {
        Api.Response early = api.post("/me/connections/teams/authorize", practice.staff(), "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("reason").asText()).isEqualTo("ADMIN_CONSENT_REQUIRED");

        assertThat(api.post("/connections/teams/consent", practice.staff(), "").status()).isEqualTo(403);
    }

    @Test
    void signingInAsSomebodyElsesMicrosoftAccountIsRefused() {
        microsoft.consent(api, practice.admin(), practice.adminEmail);

        String back = microsoft.connectUser(api, practice.staff(), practice.adminEmail);

        assertThat(back).contains("teams=error").contains("reason=account_mismatch");
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("USER_NOT_CONNECTED");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeItIsHandedOut() throws Exception {
        microsoft.sandbox.microsoft().accessTokenLifetime(Duration.ofMinutes(2));
        connectStaff();
        Instant firstExpiry = storedExpiry(practice.staffId);

        Api.Response token = api.get(tokenPath(practice.staffId), TestTokens.service("internal"));

        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(Instant.parse(token.json().get("expiresAt").asText())).isAfter(firstExpiry);
        assertThat(storedExpiry(practice.staffId)).isAfter(firstExpiry);
        assertThat(graphMe(token.json().get("accessToken").asText())).contains(microsoft.microsoftUserId(1));
    }

    @Test
    void theSweepRefreshesTokensNobodyAskedFor() {
        microsoft.sandbox.microsoft().accessTokenLifetime(Duration.ofMinutes(2));
        connectStaff();
        Instant firstExpiry = storedExpiry(practice.staffId);

        connections.refreshExpiring();

        assertThat(storedExpiry(practice.staffId)).isAfter(firstExpiry);
    }

    @Test
    void twoRefreshesAtOnceSpendTheRotatingRefreshTokenOnceAndTheConnectionStaysHealthy() throws Exception {
        connectStaff();

        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() ->
                api.get(tokenPath(practice.staffId) + "?refresh=true", TestTokens.service("internal")));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() ->
                api.get(tokenPath(practice.staffId) + "?refresh=true", TestTokens.service("internal")));

        assertThat(first.get().status()).as(first.get().body()).isEqualTo(200);
        assertThat(second.get().status()).as(second.get().body()).isEqualTo(200);
        assertThat(api.get("/connections", practice.staff()).json().get(1).get("me").get("status").asText())
                .isEqualTo("CONNECTED");
    }

    @Test
    void aRefreshMicrosoftRefusesMarksTheUsersConnectionBrokenUntilTheyConnectAgain() {
        connectStaff();
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            microsoft.sandbox.microsoft().revokeGrants(microsoft.tenantId, practice.staffEmail);

            Api.Response token = api.get(tokenPath(practice.staffId) + "?refresh=true", TestTokens.service("internal"));

            assertThat(token.status()).isEqualTo(409);
            assertThat(token.json().get("reason").asText()).isEqualTo("CONNECTION_NEEDS_REAUTH");
            ConnectionChanged broken = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.status() == ConnectionStatus.BROKEN);
            assertThat(broken.userId()).isEqualTo(practice.staffId);
            assertThat(api.get("/connections", practice.staff()).json().get(1).get("me").get("status").asText())
                    .isEqualTo("BROKEN");
        }

        assertThat(microsoft.connectUser(api, practice.staff(), practice.staffEmail)).endsWith("teams=connected");
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).status()).isEqualTo(200);
    }

    @Test
    void aTokenGraphRejectedIsReportedAndTheConnectionIsBroken() {
        connectStaff();

        Api.Response rejected = api.post(tokenPath(practice.staffId).replace("/token", "/rejected"),
                TestTokens.service("internal"), Map.of("reason", "Graph answered 401 after a refresh"));

        assertThat(rejected.status()).isEqualTo(204);
        assertThat(api.get(tokenPath(practice.staffId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("CONNECTION_NEEDS_REAUTH");
    }

    @Test
    void theAdminRefreshesChannelsAndStaffIdsThroughTheirOwnConnectionAndPicksATeamsDefault() {
        microsoft.consent(api, practice.admin(), practice.adminEmail);
        assertThat(api.post("/connections/teams/channels/refresh", practice.admin(), "").json().get("reason").asText())
                .isEqualTo("USER_NOT_CONNECTED");
        microsoft.connectUser(api, practice.admin(), practice.adminEmail);

        Api.Response channels = api.post("/connections/teams/channels/refresh", practice.admin(), "");
        Api.Response users = api.post("/connections/teams/users/refresh", practice.admin(), "");
        Api.Response saved = api.put("/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(), Map.of(
                "deliveryMode", "CHAT_ONLY", "defaultProvider", "TEAMS", "teamId", microsoft.teamId,
                "channelId", microsoft.frontDeskChannelId));

        assertThat(channels.status()).as(channels.body()).isEqualTo(200);
        assertThat(channels.json().valueStream().map(c -> c.get("name").asText()).toList())
                .containsExactly("Front desk", "General");
        assertThat(users.json().get("resolved").asInt()).isEqualTo(2);
        assertThat(api.get("/directory/users", practice.admin()).body()).contains(microsoft.microsoftUserId(1));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("warnings")).isEmpty();
        JsonNode settings = api.get("/settings", practice.admin()).json();
        assertThat(settings.get("connectedProviders").toString()).contains("MICROSOFT_TEAMS");
        assertThat(settings.get("settings").get(0).get("defaultChannel").get("teamId").asText()).isEqualTo(microsoft.teamId);
        // A channel of a team the practice does not have, or without its team, is refused.
        assertThat(api.put("/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(), Map.of(
                "defaultProvider", "TEAMS", "teamId", UUID.randomUUID().toString(),
                "channelId", microsoft.frontDeskChannelId)).status()).isEqualTo(400);
        assertThat(api.put("/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(), Map.of(
                "defaultProvider", "TEAMS", "channelId", microsoft.frontDeskChannelId)).status()).isEqualTo(400);
    }

    @Test
    void aUserDisconnectsOnlyThemselvesAndThePracticeDisconnectTakesEveryone() {
        microsoft.consent(api, practice.admin(), practice.adminEmail);
        microsoft.connectUser(api, practice.admin(), practice.adminEmail);
        microsoft.connectUser(api, practice.staff(), practice.staffEmail);

        assertThat(api.delete("/me/connections/teams", practice.staff()).status()).isEqualTo(204);
        assertThat(api.delete("/me/connections/teams", practice.staff()).status()).isEqualTo(404);
        assertThat(api.get(tokenPath(practice.adminId), TestTokens.service("internal")).status()).isEqualTo(200);
        assertThat(api.delete("/connections/teams", practice.staff()).status()).isEqualTo(403);

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            assertThat(api.delete("/connections/teams", practice.admin()).status()).isEqualTo(204);
            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.scope() == ConnectionScope.USER && c.userId().equals(practice.adminId)
                            && c.status() == ConnectionStatus.DISCONNECTED);
            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.scope() == ConnectionScope.PRACTICE && c.status() == ConnectionStatus.DISCONNECTED);
        }
        assertThat(api.get(tokenPath(practice.adminId), TestTokens.service("internal")).json().get("reason").asText())
                .isEqualTo("PROVIDER_DISCONNECTED");
        assertThat(jdbc.sql("select count(*) from user_connection where practice_id = :p")
                .param("p", practice.id).query(Long.class).single()).isZero();
    }

    @Test
    void anotherPracticesUserHasNoTokenUnderThisPractice() {
        connectStaff();
        PracticeMother other = PracticeMother.withStaff(api, "Other Co");

        Api.Response crossed = api.get("/internal/practices/" + other.id + "/users/" + practice.staffId
                + "/connections/teams/token", TestTokens.service("internal"));

        assertThat(crossed.status()).isEqualTo(404);
        assertThat(crossed.body()).doesNotContain("accessToken");
    }

    private void connectStaff() {
        assertThat(microsoft.consent(api, practice.admin(), practice.adminEmail)).endsWith("teams=connected");
        assertThat(microsoft.connectUser(api, practice.staff(), practice.staffEmail)).endsWith("teams=connected");
    }

    private Instant storedExpiry(UUID userId) {
        return jdbc.sql("select access_expires_at from user_connection where practice_id = :p and user_id = :u and provider = 'MICROSOFT_TEAMS'")
                .param("p", practice.id).param("u", userId).query(Timestamp.class).single().toInstant();
    }

    private String graphMe(String accessToken) throws Exception {
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(microsoft.sandbox.graphBaseUrl() + "/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return me.body();
    }

    private String tokenPath(UUID userId) {
        return "/internal/practices/" + practice.id + "/users/" + userId + "/connections/teams/token";
    }
}

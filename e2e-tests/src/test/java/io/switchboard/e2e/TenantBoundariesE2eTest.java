package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.client;
import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.gateway;
import static io.switchboard.e2e.Practices.phoneMessageForSam;
import static io.switchboard.e2e.Practices.setDefault;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;

/**
 * What one practice can see and change of another's, across the register and the integration service
 * behind the gateway: nothing. Another practice's entry answers 404 (not 403: its existence is not
 * disclosed), staff cannot change the practice's settings, and bad input is refused with problem+json
 * without storing anything.
 */
class TenantBoundariesE2eTest {

    static ConnectedPractice harbour;
    static ConnectedPractice northwind;
    static String harbourEntry;

    @BeforeAll
    static void twoConnectedPractices() throws Exception {
        harbour = connectedPractice();
        northwind = connectedPractice();
        setDefault(harbour, Map.of("deliveryMode", "EMAIL_AND_CHAT", "defaultProvider", "SLACK",
                "channelId", harbour.frontDesk()));
        harbourEntry = phoneMessageForSam(harbour, List.of());
    }

    @Test
    void anotherPracticesEntryIsNotFoundWhetherReadSharedOrDeleted() {
        Api api = gateway();
        String path = "/api/register/entries/" + harbourEntry;

        assertProblem(api.get(path, northwind.staff()), 404);
        assertProblem(api.post(path + "/shares", northwind.staff(), Map.of("targets", List.of(Map.of(
                "kind", "EMAIL", "emailAddress", "leak@northwind.example")))), 404);
        assertProblem(api.delete(path, TestTokens.user(northwind.id(), UUID.randomUUID(), Role.PRACTICE_ADMIN)), 404);

        Api.Response stillThere = api.get(path, harbour.staff());
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json().get("shares").toString()).doesNotContain("leak@northwind.example");
        assertThat(api.get("/api/register/entries", northwind.staff()).json().get("items").valueStream()
                .map(e -> e.get("id").asText())).doesNotContain(harbourEntry);
    }

    @Test
    void anotherPracticesSettingsAndConnectionAreNeitherVisibleNorReachable() {
        Api api = gateway();
        String stranger = TestTokens.user(UUID.randomUUID(), UUID.randomUUID(), Role.PRACTICE_ADMIN);

        // Settings and connections are addressed by the caller's practice only: there is no id to guess.
        assertThat(api.get("/api/integrations/settings", northwind.admin()).body()).doesNotContain(harbour.frontDesk());
        assertThat(api.get("/api/integrations/connections", northwind.admin()).body()).doesNotContain(harbour.teamId());
        assertProblem(api.delete("/api/integrations/connections/slack", stranger), 404);
        // A channel of another practice's workspace cannot be chosen as a default.
        assertProblem(api.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", northwind.admin(),
                Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK", "channelId", harbour.frontDesk())), 400);

        assertThat(api.get("/api/integrations/connections", harbour.admin()).body()).contains(harbour.teamId());
        assertThat(api.get("/api/integrations/settings", northwind.admin()).body()).doesNotContain(harbour.frontDesk());
    }

    @Test
    void staffCannotChangeThePracticesSettings() {
        Api api = gateway();
        String before = api.get("/api/integrations/settings", harbour.admin()).json().get("settings").toString();

        assertProblem(api.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", harbour.staff(),
                Map.of("deliveryMode", "EMAIL_ONLY")), 403);

        assertThat(api.get("/api/integrations/settings", harbour.admin()).json().get("settings").toString()).isEqualTo(before);
    }

    @Test
    void invalidEntriesAreRefusedWithProblemDetailsAndNothingIsStored() {
        Api api = gateway();
        String clientId = client(harbour);
        long before = total(api);

        assertProblem(api.post("/api/register/entries", harbour.staff(), Map.of("type", "CARRIER_PIGEON",
                "clientId", clientId, "subject", "x")), 400);
        assertProblem(api.post("/api/register/entries", harbour.staff(), Map.of("type", "PHONE_MESSAGE",
                "clientId", clientId, "subject", "x", "unexpected", "field")), 400);
        assertProblem(api.post("/api/register/entries", harbour.staff(), "{\"type\": \"PHONE_MESSAGE\", "), 400);
        assertProblem(api.post("/api/register/entries", harbour.staff(), Map.of("type", "PHONE_MESSAGE",
                "clientId", clientId, "subject", "x", "share", List.of(Map.of("kind", "EMAIL", "emailAddress", "not an email")))), 400);

        assertThat(total(api)).isEqualTo(before);
    }

    private static long total(Api api) {
        return api.get("/api/register/entries", harbour.staff()).json().get("total").asLong();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}

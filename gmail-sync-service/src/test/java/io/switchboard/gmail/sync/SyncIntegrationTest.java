package io.switchboard.gmail.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.gmail.access.Connections;

import java.util.List;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.gmail.access.Connections;
import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import io.switchboard.gmail.testsupport.IntegrationStandIn;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.google.GmailMessageSeed;
import io.switchboard.sandbox.ratelimit.RateLimit;
import tools.jackson.databind.JsonNode;

/** G5: with the user's consent (gmail.readonly), new mail from a known client contact is proposed or filed. */
class SyncIntegrationTest extends GmailIntegrationTestBase {

    @Autowired
    SyncPoller poller;

    @Autowired
    Connections connections;

    @Test
    void newMailFromAClientContactBecomesAProposalToAccept() {
        Staff sam = connectedStaff(IntegrationStandIn.READONLY);
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Before sync started", "old"));
        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.STARTED);

        String message = deliver(sam, GmailMessageSeed.email("Jo <jo@acme.example>", sam.email(), "New statements", "…")).id();
        deliver(sam, GmailMessageSeed.email("news@shop.example", sam.email(), "Sale", "…"));
        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.POLLED);

        JsonNode proposals = api().get("/proposals", sam.token()).json();
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.get("gmailMessageId").asText()).isEqualTo(message);
            assertThat(p.get("clientId").asText()).isEqualTo(acme.toString());
            assertThat(p.get("clientName").asText()).isEqualTo("Acme Pty Ltd");
            assertThat(p.get("subject").asText()).isEqualTo("New statements");
        });
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);
        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            Api.Response accepted = api().post("/proposals/" + proposals.get(0).get("id").asText() + "/accept",
                    sam.token(), Map.of());
            assertThat(accepted.status()).isEqualTo(201);
            assertThat(assigned(probe.awaitEvent(e -> isAssigned(e, entryId))).filedBy()).isEqualTo(FiledBy.USER);
        }
        assertThat(api().get("/proposals", sam.token()).json()).isEmpty();
        // Polling again finds nothing new to propose.
        poller.poll(sam.practiceId(), sam.userId());
        assertThat(api().get("/proposals", sam.token()).json()).isEmpty();
    }

    @Test
    void dismissedProposalsGoAwayAndOthersCannotTouchThem() {
        Staff sam = connectedStaff(IntegrationStandIn.READONLY);
        Staff alex = colleague(sam.practiceId(), Role.STAFF);
        client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        poller.poll(sam.practiceId(), sam.userId());
        deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hello", "…"));
        poller.poll(sam.practiceId(), sam.userId());
        String id = api().get("/proposals", sam.token()).json().get(0).get("id").asText();

        assertThat(api().delete("/proposals/" + id, alex.token()).status()).isEqualTo(404);
        assertThat(api().delete("/proposals/" + id, sam.token()).status()).isEqualTo(204);
        assertThat(api().get("/proposals", sam.token()).json()).isEmpty();
    }

    @Test
    void autoFileFilesNewMailFromAClientContactWithoutAsking() {
        Staff sam = connectedStaff(IntegrationStandIn.READONLY);
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        String admin = TestTokens.user(sam.practiceId(), UUID.randomUUID(), Role.PRACTICE_ADMIN);
        assertThat(api().put("/settings", sam.token(), Map.of("autoFile", true)).status()).isEqualTo(403);
        assertThat(api().put("/settings", admin, Map.of("autoFile", true)).json().get("autoFile").asBoolean()).isTrue();
        poller.poll(sam.practiceId(), sam.userId());

        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Signed return", "Signed.")).id();
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);
        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            poller.poll(sam.practiceId(), sam.userId());

            GmailEmailAssigned filed = assigned(probe.awaitEvent(e -> isAssigned(e, entryId)));
            assertThat(filed.filedBy()).isEqualTo(FiledBy.AUTO);
            assertThat(filed.assignedBy()).isEqualTo(sam.userId());
            assertThat(filed.bodyText()).isEqualTo("Signed.");
        }
        assertThat(api().get("/proposals", sam.token()).json()).isEmpty();
    }

    @Test
    void theLongestWaitingMailboxesComeFirstSoALimitedRunNeverStarvesTheLaterOnes() {
        Staff first = connectedStaff(IntegrationStandIn.READONLY);
        Staff second = colleague(first.practiceId(), Role.STAFF, IntegrationStandIn.READONLY);
        publish(new ConnectionChanged(first.practiceId(), Provider.GMAIL, ConnectionScope.PRACTICE, null,
                ConnectionStatus.CONNECTED, null, null, null, UUID.randomUUID(), Instant.now()));
        for (Staff staff : List.of(first, second)) {
            publish(new ConnectionChanged(first.practiceId(), Provider.GMAIL, ConnectionScope.USER, staff.userId(),
                    ConnectionStatus.CONNECTED, null, staff.email(), null, null, Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> order(first, second).size() == 2);
        poller.poll(first.practiceId(), first.userId());

        assertThat(order(first, second)).as("the mailbox never polled before the one just polled, though connected later")
                .containsExactly(second.userId(), first.userId());
    }

    private List<UUID> order(Staff first, Staff second) {
        return connections.connectedUsers().stream().map(Connections.ConnectedUser::userId)
                .filter(id -> id.equals(first.userId()) || id.equals(second.userId())).toList();
    }

    @Test
    void staleHistoryIdResyncsRecentMailAndStartsFromTheCurrentId() {
        Staff sam = connectedStaff(IntegrationStandIn.READONLY);
        client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        poller.poll(sam.practiceId(), sam.userId());
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "While away", "…")).id();
        // The stored id is older than the history Gmail keeps, as after a long outage.
        jdbc.sql("update sync_state set history_id = 5 where user_id = :u").param("u", sam.userId()).update();

        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.RESYNCED);

        assertThat(api().get("/proposals", sam.token()).json()).extracting(p -> p.get("gmailMessageId").asText())
                .containsExactly(message);
        assertThat(jdbc.sql("select history_id from sync_state where user_id = :u").param("u", sam.userId())
                .query(Long.class).single()).isEqualTo(sandbox().google().historyId(sam.email()));
        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.POLLED);
    }

    @Test
    void usersWhoDidNotOptInAreNotSynced() {
        Staff sam = connectedStaff();
        client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");

        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.NOT_OPTED_IN);
        deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hello", "…"));
        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.NOT_OPTED_IN);
        assertThat(api().get("/proposals", sam.token()).json()).isEmpty();
    }

    @Test
    void exhaustedGmailQuotaBacksThatUserOffAndLosesNoMail() {
        Staff sam = connectedStaff(IntegrationStandIn.READONLY);
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        poller.poll(sam.practiceId(), sam.userId());
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Quarter end", "…")).id();
        long storedHistoryId = historyId(sam);
        try {
            // Enough units for history.list (2), not for the messages.get (20) that follows.
            sandbox().limits().override("gmail", "quota-units-per-user", new RateLimit(3, Duration.ofHours(1), 3));

            assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.BACKING_OFF);
            assertThat(historyId(sam)).isEqualTo(storedHistoryId);
            Timestamp next = jdbc.sql("select next_poll_at from sync_state where user_id = :u").param("u", sam.userId())
                    .query(Timestamp.class).single();
            assertThat(next.toInstant()).isAfter(Instant.now().plusSeconds(20));
            Api.Response interactive = api().get("/messages/" + message + "/suggestions", sam.token());
            assertThat(interactive.status()).isEqualTo(503);
            assertThat(interactive.json().get("reason").asText()).isEqualTo("GMAIL_RATE_LIMITED");
            assertThat(interactive.header("Retry-After")).isNotBlank();
        } finally {
            sandbox().limits().reset();
        }

        assertThat(poller.poll(sam.practiceId(), sam.userId())).isEqualTo(SyncPoller.Outcome.POLLED);
        assertThat(api().get("/proposals", sam.token()).json()).extracting(p -> p.get("clientId").asText())
                .containsExactly(acme.toString());
    }

    private long historyId(Staff staff) {
        return jdbc.sql("select history_id from sync_state where user_id = :u").param("u", staff.userId())
                .query(Long.class).single();
    }
}

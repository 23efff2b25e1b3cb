package io.switchboard.register.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.EntryMother;
import tools.jackson.databind.JsonNode;

/** "Mark as actioned": in the app or, through the internal API, with the Slack button; recorded and published once. */
@SwitchboardIntegrationTest
class ActionedEntriesIntegrationTest {

    static final String TOPIC = "register.correspondence.v1";

    @LocalServerPort
    int port;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;

    final UUID practice = UUID.randomUUID();
    final UUID sam = UUID.randomUUID();
    final UUID jo = UUID.randomUUID();
    String samToken;
    Api api;
    UUID client;

    @BeforeEach
    void client() {
        api = Api.onPort(port);
        samToken = TestTokens.user(practice, sam, Role.STAFF);
        client = ClientMother.createPerson(api, samToken, "Linh Nguyen");
    }

    @Test
    void staffMarksPhoneMessageActionedOnceAndMarkingAgainPublishesNothing() {
        UUID entry = EntryMother.phoneMessage(client).forRecipient(sam).create(api, samToken);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            Api.Response first = markActioned(entry, samToken);

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("byUserId").asText()).isEqualTo(sam.toString());
            assertThat(first.json().get("via").asText()).isEqualTo("APP");
            CloudEvent event = probe.awaitEvent(e -> isActioned(e, entry));
            assertThat(event.getExtension(CloudEventExtensions.PRACTICE_ID)).isEqualTo(practice.toString());
            CorrespondenceActioned actioned = codec.decode(event, EventTypes.CORRESPONDENCE_ACTIONED);
            assertThat(actioned.practiceId()).isEqualTo(practice);
            assertThat(actioned.actionedByUserId()).isEqualTo(sam);
            assertThat(actioned.via()).isEqualTo(ActionedVia.APP);
            assertThat(actioned.actionedAt()).isEqualTo(Instant.parse(first.json().get("at").asText()));

            Api.Response again = markActioned(entry, TestTokens.user(practice, jo, Role.STAFF));

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(first.json());
            assertPublishedOnce(probe, entry);
        }
    }

    @Test
    void theEntryAndTheListShowWhoActionedItOrNull() {
        UUID actionedEntry = EntryMother.phoneMessage(client).create(api, samToken);
        UUID openEntry = EntryMother.fileNote(client, "Still open").create(api, samToken);
        JsonNode actioned = markActioned(actionedEntry, samToken).json();

        JsonNode entry = api.get("/entries/" + actionedEntry, samToken).json();
        assertThat(entry.get("actioned").get("byUserId").asText()).isEqualTo(sam.toString());
        assertThat(entry.get("actioned").get("via").asText()).isEqualTo("APP");
        assertThat(entry.get("actioned").get("at").asText()).isEqualTo(actioned.get("at").asText());
        assertThat(api.get("/entries/" + openEntry, samToken).json().get("actioned").isNull()).isTrue();

        JsonNode items = api.get("/entries?clientId=" + client, samToken).json().get("items");
        assertThat(items.valueStream().filter(i -> i.get("id").asText().equals(actionedEntry.toString())).findFirst()
                .orElseThrow().get("actioned").get("byUserId").asText()).isEqualTo(sam.toString());
        assertThat(items.valueStream().filter(i -> i.get("id").asText().equals(openEntry.toString())).findFirst()
                .orElseThrow().get("actioned").isNull()).isTrue();
    }

    @Test
    void concurrentMarkingsRecordOneActionerAndPublishExactlyOneEvent() throws Exception {
        UUID entry = EntryMother.phoneMessage(client).create(api, samToken);
        int callers = 6;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            tokens.add(TestTokens.user(practice, UUID.randomUUID(), Role.STAFF));
        }
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            List<CompletableFuture<Api.Response>> calls = tokens.stream().map(token -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return markActioned(entry, token);
            }, pool)).toList();
            List<Api.Response> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            assertThat(responses.stream().map(r -> r.json().toString()).distinct()).hasSize(1);
            CorrespondenceActioned event = codec.decode(probe.awaitEvent(e -> isActioned(e, entry)),
                    EventTypes.CORRESPONDENCE_ACTIONED);
            assertThat(event.actionedByUserId().toString()).isEqualTo(responses.get(0).json().get("byUserId").asText());
            assertPublishedOnce(probe, entry);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void adminsMayMarkActionedButPortalUsersMayNot() {
        UUID entry = EntryMother.fileNote(client, "Dealt with").create(api, samToken);

        assertThat(markActioned(entry, TestTokens.user(practice, UUID.randomUUID(), Role.CLIENT)).status()).isEqualTo(403);
        assertThat(markActioned(entry, null).status()).isEqualTo(401);
        assertThat(stored(entry)).isFalse();
        assertThat(markActioned(entry, TestTokens.admin(practice)).status()).isEqualTo(200);
    }

    @Test
    void acceptsAnEmptyJsonBodyOrNoBodyAtAll() {
        UUID first = EntryMother.fileNote(client, "One").create(api, samToken);
        UUID second = EntryMother.fileNote(client, "Two").create(api, samToken);

        assertThat(api.post("/entries/" + first + "/actioned", samToken, Map.of()).status()).isEqualTo(200);
        assertThat(api.send(api.request("/entries/" + second + "/actioned", samToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);
        assertThat(stored(first)).isTrue();
        assertThat(stored(second)).isTrue();
    }

    @Test
    void answersNotFoundForAnotherPracticesUnknownOrDeletedEntryAndPublishesNothing() {
        UUID entry = EntryMother.phoneMessage(client).create(api, samToken);
        UUID deleted = EntryMother.fileNote(client, "Wrong client").create(api, samToken);
        assertThat(api.delete("/entries/" + deleted, samToken).status()).isEqualTo(204);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            for (Api.Response response : List.of(markActioned(entry, TestTokens.staff(UUID.randomUUID())),
                    markActioned(UUID.randomUUID(), samToken), markActioned(deleted, samToken))) {
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }

            assertThat(stored(entry)).isFalse();
            assertThat(stored(deleted)).isFalse();
            // An entry actioned afterwards is the only actioned event of this practice on the topic.
            assertThat(markActioned(entry, samToken).status()).isEqualTo(200);
            probe.awaitEvent(e -> isActioned(e, entry));
            assertThat(probe.events()).filteredOn(e -> EventTypes.CORRESPONDENCE_ACTIONED.type().equals(e.getType())
                    && practice.toString().equals(e.getExtension(CloudEventExtensions.PRACTICE_ID))).hasSize(1);
        }
    }

    @Test
    void integrationServiceMarksActionedForTheSlackUsersStaffUserOnceWithItsInternalScope() {
        UUID entry = EntryMother.phoneMessage(client).create(api, samToken);
        String path = "/internal/practices/" + practice + "/entries/" + entry + "/actioned";
        Map<String, Object> body = Map.of("actionedByUserId", jo, "via", "SLACK");
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            assertThat(api.post(path, samToken, body).status()).isEqualTo(403);
            assertThat(api.post(path, TestTokens.admin(practice), body).status()).isEqualTo(403);
            assertThat(api.post(path, TestTokens.service("other"), body).status()).isEqualTo(403);
            assertThat(api.post(path, null, body).status()).isEqualTo(401);
            assertThat(stored(entry)).isFalse();

            Api.Response marked = api.post(path, TestTokens.service("internal"), body);

            assertThat(marked.status()).as(marked.body()).isEqualTo(200);
            assertThat(marked.json().get("byUserId").asText()).isEqualTo(jo.toString());
            assertThat(marked.json().get("via").asText()).isEqualTo("SLACK");
            CorrespondenceActioned event = codec.decode(probe.awaitEvent(e -> isActioned(e, entry)),
                    EventTypes.CORRESPONDENCE_ACTIONED);
            assertThat(event.actionedByUserId()).isEqualTo(jo);
            assertThat(event.via()).isEqualTo(ActionedVia.SLACK);
            assertThat(event.practiceId()).isEqualTo(practice);

            Api.Response inTheApp = markActioned(entry, samToken);
            assertThat(inTheApp.status()).isEqualTo(200);
            assertThat(inTheApp.json()).isEqualTo(marked.json());
            assertThat(api.post(path, TestTokens.service("internal"), body).json()).isEqualTo(marked.json());
            assertPublishedOnce(probe, entry);
        }
        assertThat(api.get("/entries/" + entry, samToken).json().get("actioned").get("via").asText()).isEqualTo("SLACK");
    }

    @Test
    void internalMarkingRefusesAnotherPracticesEntryAndInvalidBodies() {
        UUID entry = EntryMother.phoneMessage(client).create(api, samToken);
        String internal = TestTokens.service("internal");

        Api.Response otherPractice = api.post("/internal/practices/" + UUID.randomUUID() + "/entries/" + entry
                + "/actioned", internal, Map.of("actionedByUserId", jo, "via", "SLACK"));
        String path = "/internal/practices/" + practice + "/entries/" + entry + "/actioned";
        Api.Response noUser = api.post(path, internal, Map.of("via", "SLACK"));
        Api.Response unknownVia = api.post(path, internal, Map.of("actionedByUserId", jo, "via", "CARRIER_PIGEON"));

        assertThat(otherPractice.status()).isEqualTo(404);
        assertThat(otherPractice.contentType()).startsWith("application/problem+json");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.contentType()).startsWith("application/problem+json");
        assertThat(unknownVia.status()).isEqualTo(400);
        assertThat(stored(entry)).isFalse();
    }

    private Api.Response markActioned(UUID entry, String token) {
        return api.post("/entries/" + entry + "/actioned", token, "");
    }

    private static boolean isActioned(CloudEvent event, UUID entry) {
        return EventTypes.CORRESPONDENCE_ACTIONED.type().equals(event.getType()) && entry.toString().equals(event.getSubject());
    }

    private static void assertPublishedOnce(KafkaProbe probe, UUID entry) {
        Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> probe.events().stream().filter(e -> isActioned(e, entry)).count() == 1);
    }

    private boolean stored(UUID entry) {
        return jdbc.sql("select actioned_at is not null from correspondence_entry where id = :id").param("id", entry)
                .query(Boolean.class).single();
    }
}

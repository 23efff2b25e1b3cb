package io.switchboard.register.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.register.CorrespondenceDeleted;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.contracts.register.ShareTargetKind;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.EntryMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class CorrespondenceIntegrationTest {

    static final String TOPIC = "register.correspondence.v1";

    @LocalServerPort
    int port;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;

    final UUID practice = UUID.randomUUID();
    final UUID author = UUID.randomUUID();
    final UUID sam = UUID.randomUUID();
    String token;
    Api api;
    UUID client;

    @BeforeEach
    void client() {
        api = Api.onPort(port);
        token = TestTokens.user(practice, author, Role.STAFF);
        client = ClientMother.createPerson(api, token, "Linh Nguyen");
    }

    @Test
    void recordsPhoneMessageForSamAndPublishesExactlyOneRecordedEventWithDetailsAndShareTargets() {
        UUID notifier = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            Api.Response response = api.post("/entries", token, EntryMother.phoneMessage(client).forRecipient(sam)
                    .sharedTo(EntryMother.practiceDefault())
                    .sharedTo(EntryMother.directMessage("SLACK", notifier))
                    .sharedTo(EntryMother.emailTo("sam@practice.example"))
                    .build());

            assertThat(response.status()).isEqualTo(201);
            UUID entryId = UUID.fromString(response.json().get("id").asText());
            CloudEvent event = probe.awaitEvent(e -> entryId.toString().equals(e.getSubject()));
            assertThat(event.getType()).isEqualTo(EventTypes.CORRESPONDENCE_RECORDED.type());
            assertThat(event.getExtension(CloudEventExtensions.PRACTICE_ID)).isEqualTo(practice.toString());
            CorrespondenceRecorded recorded = codec.decode(event, EventTypes.CORRESPONDENCE_RECORDED);
            assertThat(recorded.entry().entryType()).isEqualTo(CorrespondenceType.PHONE_MESSAGE);
            assertThat(recorded.entry().clientId()).isEqualTo(client);
            assertThat(recorded.entry().clientDisplayName()).isEqualTo("Linh Nguyen");
            assertThat(recorded.entry().authorUserId()).isEqualTo(author);
            assertThat(recorded.entry().recipientUserId()).isEqualTo(sam);
            assertThat(recorded.entry().summary()).isEqualTo("Called about the quarterly BAS. Wants to know the due date.");
            assertThat(recorded.entry().callerName()).isEqualTo("Linh Nguyen");
            assertThat(recorded.entry().callerPhone()).isEqualTo("+61 400 000 101");
            assertThat(recorded.entry().bestTimeToCall()).isEqualTo("after 3pm");
            assertThat(recorded.shareTargets()).containsExactly(ShareTarget.practiceDefault(),
                    ShareTarget.directMessage(ChatProvider.SLACK, notifier),
                    ShareTarget.emailToAddress("sam@practice.example"));
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> probe.events().stream().filter(e -> entryId.toString().equals(e.getSubject())).count() == 1);
        }
    }

    @Test
    void recordedEmailToSendCarriesItsWholeTextWhileAPhoneMessageCarriesOnlyItsSummary() {
        String email = "Dear Linh,\n\n" + "Your quarterly BAS is due on the 28th; here is what we still need. ".repeat(12)
                + "\n\nKind regards,\nSam";
        assertThat(email.length()).isGreaterThan(CorrespondenceDetails.SUMMARY_MAX_LENGTH);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            UUID emailOut = EntryMother.of("EMAIL_OUT", client, "Your BAS").with("body", email).create(api, token);
            UUID phoneMessage = EntryMother.phoneMessage(client).with("body", email).create(api, token);

            CorrespondenceRecorded sent = codec.decode(probe.awaitEvent(e -> emailOut.toString().equals(e.getSubject())),
                    EventTypes.CORRESPONDENCE_RECORDED);
            CorrespondenceRecorded called = codec.decode(probe.awaitEvent(e -> phoneMessage.toString().equals(e.getSubject())),
                    EventTypes.CORRESPONDENCE_RECORDED);
            assertThat(sent.entry().emailText()).isEqualTo(email);
            assertThat(sent.entry().summary()).hasSizeLessThanOrEqualTo(CorrespondenceDetails.SUMMARY_MAX_LENGTH);
            assertThat(called.entry().emailText()).isNull();
            assertThat(called.entry().summary()).hasSizeLessThanOrEqualTo(CorrespondenceDetails.SUMMARY_MAX_LENGTH);
        }
    }

    @Test
    void opensTheEntryWithEverythingFilledInAndItsSummaryLink() {
        UUID entryId = EntryMother.phoneMessage(client).forRecipient(sam)
                .attachment("Notice.pdf", "https://docs.example/notice.pdf")
                .sharedTo(EntryMother.slackChannel("C0123", "#front-desk")).create(api, token);

        JsonNode entry = api.get("/entries/" + entryId, TestTokens.staff(practice)).json();

        assertThat(entry.get("type").asText()).isEqualTo("PHONE_MESSAGE");
        assertThat(entry.get("clientDisplayName").asText()).isEqualTo("Linh Nguyen");
        assertThat(entry.get("recipientUserId").asText()).isEqualTo(sam.toString());
        assertThat(entry.get("authorUserId").asText()).isEqualTo(author.toString());
        assertThat(entry.get("callerPhone").asText()).isEqualTo("+61 400 000 101");
        assertThat(entry.get("bestTimeToCall").asText()).isEqualTo("after 3pm");
        assertThat(entry.get("attachments").get(0).get("url").asText()).isEqualTo("https://docs.example/notice.pdf");
        assertThat(entry.get("shares").get(0).get("targets").get(0).get("channel").get("name").asText())
                .isEqualTo("#front-desk");
        assertThat(entry.get("deliveries").isEmpty()).isTrue();
        assertThat(entry.get("summaryUrl").asText()).isEqualTo("http://localhost:8080/register/entries/" + entryId);
    }

    @Test
    void refusesPhoneMessageNobodyCanReturnAndStoresAndPublishesNothing() {
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            Api.Response response = api.post("/entries", token, EntryMother.phoneMessage(client)
                    .without("callerName").with("callerPhone", "  ").build());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(fields(response)).containsExactlyInAnyOrder("callerName", "callerPhone");
            assertNothingStoredOrPublished(probe);
        }
    }

    @Test
    void refusesInvalidFieldsWithTheirListAndStoresAndPublishesNothing() {
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            Api.Response response = api.post("/entries", token, EntryMother.fileNote(client, " ")
                    .with("callerName", "x".repeat(201))
                    .attachment("Notice.pdf", "ftp://docs.example/notice.pdf")
                    .sharedTo(java.util.Map.of("kind", "EMAIL", "emailAddress", "not an address"))
                    .build());

            assertThat(response.status()).isEqualTo(400);
            assertThat(fields(response)).contains("subject", "callerName", "attachments[0].url", "share[0].emailAddress");
            assertNothingStoredOrPublished(probe);
        }
    }

    @Test
    void refusesShareTargetsTheContractCannotCarry() {
        Api.Response response = api.post("/entries", token, EntryMother.fileNote(client, "Note")
                .sharedTo(java.util.Map.of("kind", "DIRECT_MESSAGE", "provider", "SLACK"))
                .build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("share[0]");
        assertThat(entriesStored()).isZero();
    }

    @Test
    void answersNotFoundForAnotherPracticesEntryAndClient() {
        UUID entryId = EntryMother.fileNote(client, "Ours").create(api, token);
        String stranger = TestTokens.staff(UUID.randomUUID());

        assertThat(api.get("/entries/" + entryId, stranger).status()).isEqualTo(404);
        assertThat(api.delete("/entries/" + entryId, stranger).status()).isEqualTo(404);
        assertThat(api.post("/entries/" + entryId + "/shares", stranger,
                java.util.Map.of("targets", List.of(EntryMother.practiceDefault()))).status()).isEqualTo(404);
        assertThat(api.post("/entries", stranger, EntryMother.fileNote(client, "Theirs").build()).status()).isEqualTo(404);
        assertThat(api.get("/entries/" + entryId, token).status()).isEqualTo(200);
    }

    @Test
    void sharingANewEmailToAnotherAddressLaterCarriesItsWholeTextToo() {
        String email = "Dear Linh,\n\n" + "Here is the summary of the meeting and what happens next. ".repeat(12);
        UUID entryId = EntryMother.of("EMAIL_OUT", client, "Meeting summary").with("body", email).create(api, token);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            assertThat(api.post("/entries/" + entryId + "/shares", token, java.util.Map.of("targets",
                    List.of(java.util.Map.of("kind", "EMAIL", "emailAddress", "accounts@linh.example")))).status())
                    .isEqualTo(201);
            CorrespondenceShared shared = codec.decode(probe.awaitEvent(e -> EventTypes.CORRESPONDENCE_SHARED.type()
                    .equals(e.getType()) && entryId.toString().equals(e.getSubject())), EventTypes.CORRESPONDENCE_SHARED);
            assertThat(shared.entry().emailText()).isEqualTo(email.strip());
        }
    }

    @Test
    void sharesAnEntryLaterAndPublishesShared() {
        UUID entryId = EntryMother.phoneMessage(client).forRecipient(sam).create(api, token);
        UUID sharer = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            Api.Response response = api.post("/entries/" + entryId + "/shares", TestTokens.user(practice, sharer, Role.STAFF),
                    java.util.Map.of("targets", List.of(EntryMother.slackChannel("C0999", "#tax"))));

            assertThat(response.status()).isEqualTo(201);
            CloudEvent event = probe.awaitEvent(e -> EventTypes.CORRESPONDENCE_SHARED.type().equals(e.getType())
                    && entryId.toString().equals(e.getSubject()));
            CorrespondenceShared shared = codec.decode(event, EventTypes.CORRESPONDENCE_SHARED);
            assertThat(shared.sharedBy()).isEqualTo(sharer);
            assertThat(shared.targets()).singleElement().satisfies(target -> {
                assertThat(target.kind()).isEqualTo(ShareTargetKind.CHANNEL);
                assertThat(target.channel().id()).isEqualTo("C0999");
            });
            assertThat(shared.entry().clientDisplayName()).isEqualTo("Linh Nguyen");
            assertThat(shared.entry().recipientUserId()).isEqualTo(sam);
        }
        assertThat(api.get("/entries/" + entryId, token).json().get("shares").size()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyShare() {
        UUID entryId = EntryMother.fileNote(client, "Note").create(api, token);

        Api.Response response = api.post("/entries/" + entryId + "/shares", token, java.util.Map.of("targets", List.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("targets");
    }

    @Test
    void deletesAnEntrySoItIsNoLongerListedAndPublishesDeleted() {
        UUID entryId = EntryMother.fileNote(client, "Wrong client").create(api, token);
        try (KafkaProbe probe = KafkaProbe.on(TOPIC)) {
            assertThat(api.delete("/entries/" + entryId, token).status()).isEqualTo(204);

            CloudEvent event = probe.awaitEvent(e -> EventTypes.CORRESPONDENCE_DELETED.type().equals(e.getType())
                    && entryId.toString().equals(e.getSubject()));
            CorrespondenceDeleted deleted = codec.decode(event, EventTypes.CORRESPONDENCE_DELETED);
            assertThat(deleted.deletedBy()).isEqualTo(author);
            assertThat(deleted.practiceId()).isEqualTo(practice);
        }
        assertThat(api.get("/entries/" + entryId, token).status()).isEqualTo(404);
        assertThat(api.get("/entries?clientId=" + client, token).json().get("total").asLong()).isZero();
        assertThat(api.delete("/entries/" + entryId, token).status()).isEqualTo(404);
    }

    @Test
    void keepsClientPortalUsersOutOfTheRegister() {
        UUID entryId = EntryMother.fileNote(client, "Internal").create(api, token);
        String portalUser = TestTokens.user(practice, UUID.randomUUID(), Role.CLIENT);

        assertThat(api.get("/entries/" + entryId, portalUser).status()).isEqualTo(403);
        assertThat(api.get("/entries", portalUser).status()).isEqualTo(403);
        assertThat(api.get("/clients", portalUser).status()).isEqualTo(403);
        assertThat(api.post("/entries", portalUser, EntryMother.fileNote(client, "Sneaky").build()).status()).isEqualTo(403);
    }

    private void assertNothingStoredOrPublished(KafkaProbe probe) {
        assertThat(entriesStored()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where practice_id = :p").param("p", practice)
                .query(Long.class).single()).isZero();
        // A valid entry afterwards is the only event of this practice on the topic.
        UUID valid = EntryMother.fileNote(client, "Valid").create(api, token);
        probe.awaitEvent(e -> valid.toString().equals(e.getSubject()));
        assertThat(probe.events()).filteredOn(e -> practice.toString().equals(e.getExtension(CloudEventExtensions.PRACTICE_ID)))
                .hasSize(1);
    }

    private long entriesStored() {
        return jdbc.sql("select count(*) from correspondence_entry where practice_id = :p").param("p", practice)
                .query(Long.class).single();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList();
    }
}

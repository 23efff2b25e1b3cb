package io.switchboard.register.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailAttachment;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import tools.jackson.databind.JsonNode;

/**
 * Emails filed from Gmail (FEATURES.md G1, G2) as gmail-sync-service publishes them: each assignment is one
 * "email in" entry with its attachment links, shown in the family group's correspondence, and an
 * unassignment takes it out again.
 */
@SwitchboardIntegrationTest
class FiledEmailsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    EventCodec codec;
    final UUID practice = UUID.randomUUID();
    final UUID sam = UUID.randomUUID();
    Api api;
    String token;
    UUID group;
    UUID linh;
    UUID minh;

    @BeforeEach
    void clients() {
        api = Api.onPort(port);
        token = TestTokens.user(practice, sam, io.switchboard.platform.security.Role.STAFF);
        group = ClientMother.createGroup(api, token, "Nguyen family");
        linh = ClientMother.create(api, token, ClientMother.inGroup(ClientMother.person("Linh Nguyen", "linh@nguyen.example"), group));
        minh = ClientMother.create(api, token, ClientMother.inGroup(ClientMother.person("Minh Nguyen", "minh@nguyen.example"), group));
    }

    @Test
    void anAssignedEmailBecomesAnEmailInEntryWithItsAttachmentLinksOnceHoweverOftenItIsAssigned() throws Exception {
        String message = "msg-" + UUID.randomUUID();
        GmailEmailAssigned assigned = assigned(message, linh);

        try (KafkaProbe probe = KafkaProbe.on(Topics.REGISTER_CORRESPONDENCE.name())) {
            send(assigned);
            send(assigned(message, linh)); // assigned again (another event, the same message and client)

            JsonNode entry = awaitEntry(assigned.entryId());
            assertThat(entry.get("type").asText()).isEqualTo("EMAIL_IN");
            assertThat(entry.get("subject").asText()).isEqualTo("Quarterly BAS");
            assertThat(entry.get("body").asText()).contains("bank statements are attached");
            assertThat(entry.get("authorUserId").asText()).isEqualTo(sam.toString());
            assertThat(entry.get("attachments").valueStream().map(a -> a.get("name").asText()).toList())
                    .containsExactly("statement-march.pdf", "statement-april.pdf");
            assertThat(entry.get("attachments").get(0).get("url").asText()).contains("/attachments/att-1");
            assertThat(entry.get("email").get("gmailMessageId").asText()).isEqualTo(message);
            assertThat(entry.get("email").get("from").get("address").asText()).isEqualTo("linh@nguyen.example");

            CloudEvent recorded = probe.awaitEvent(e -> e.getType().equals(EventTypes.CORRESPONDENCE_RECORDED.type())
                    && e.getSubject() != null && e.getSubject().contains(assigned.entryId().toString()));
            assertThat(codec.decode(recorded, EventTypes.CORRESPONDENCE_RECORDED).entry().entryType().name())
                    .isEqualTo("EMAIL_IN");
        }
        assertThat(api.get("/family-groups/" + group + "/correspondence", token).json().get("items").valueStream()
                .filter(e -> e.get("id").asText().equals(assigned.entryId().toString()))).hasSize(1);
        assertThat(api.get("/entries?clientId=" + linh, token).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theSameEmailAssignedToTwoClientsIsAnEntryForEach() throws Exception {
        String message = "msg-" + UUID.randomUUID();
        send(assigned(message, linh));
        send(assigned(message, minh));

        awaitEntry(GmailEmailAssigned.entryIdFor(practice, message, linh));
        awaitEntry(GmailEmailAssigned.entryIdFor(practice, message, minh));
    }

    @Test
    void unassigningTakesTheEntryOutAndAssigningAgainBringsItBack() throws Exception {
        String message = "msg-" + UUID.randomUUID();
        GmailEmailAssigned assigned = assigned(message, linh);
        send(assigned);
        awaitEntry(assigned.entryId());

        send(new GmailEmailUnassigned(assigned.entryId(), practice, linh, message, sam, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/entries/" + assigned.entryId(), token).status() == 404);

        send(assigned(message, linh));
        awaitEntry(assigned.entryId());
    }

    @Test
    void anEmailForAClientOfAnotherPracticeIsNotFiled() throws Exception {
        UUID stranger = ClientMother.createPerson(api, TestTokens.staff(UUID.randomUUID()), "Ola Dahl");
        String message = "msg-" + UUID.randomUUID();
        GmailEmailAssigned misdirected = assigned(message, stranger);
        GmailEmailAssigned marker = assigned("marker-" + UUID.randomUUID(), linh);

        send(misdirected);
        send(marker);
        awaitEntry(marker.entryId());

        assertThat(api.get("/entries/" + misdirected.entryId(), token).status()).isEqualTo(404);
    }

    private JsonNode awaitEntry(UUID entryId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/entries/" + entryId, token),
                response -> response.status() == 200).json();
    }

    private GmailEmailAssigned assigned(String messageId, UUID client) {
        String link = "http://localhost:8080/api/gmail/mailboxes/" + sam + "/messages/" + messageId + "/attachments/";
        return new GmailEmailAssigned(GmailEmailAssigned.entryIdFor(practice, messageId, client), practice, client,
                messageId, "thread-" + messageId, sam, "sam@harbour.example", EmailDirection.IN,
                new EmailAddress("linh@nguyen.example", "Linh Nguyen"), List.of(new EmailAddress("sam@harbour.example", null)),
                List.of(), "Quarterly BAS", Instant.parse("2026-11-20T09:30:00Z"),
                "Hi Sam,\nthe bank statements are attached.\nLinh",
                List.of(new GmailAttachment("att-1", "statement-march.pdf", "application/pdf", 48213, link + "att-1"),
                        new GmailAttachment("att-2", "statement-april.pdf", "application/pdf", 51002, link + "att-2")),
                FiledBy.USER, sam, Instant.now());
    }

    private void send(Object data) throws Exception {
        CloudEvent event = codec.encode((io.switchboard.contracts.EventData) data, EventMetadata.now("/test/gmail-sync", null, null));
        // Keyed as gmail-sync keys them (practice and message), so one message's events keep their order.
        kafka.send(Topics.GMAIL_EMAIL.name(), ((io.switchboard.contracts.EventData) data).subject(), event).get();
    }
}

package io.switchboard.gmail.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.FiledBy;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;
import io.switchboard.contracts.register.CorrespondenceDeleted;
import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import io.switchboard.gmail.testsupport.GmailTestEnvironment;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GmailMessageSeed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** G1, G2 and attachment links: filing a Gmail message against clients, and undoing it from either side. */
class AssignmentsIntegrationTest extends GmailIntegrationTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    static final byte[] PDF = "%PDF-1.4\n\u00e9t\u00e9 statements\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void assignsAMessageWithItsParsedFieldsAndAttachmentLinks() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        GmailMessage mail = deliver(sam, GmailMessageSeed.email("Jo Citizen <jo@acme.example>", sam.email(),
                "BAS for the March quarter", "Hi Sam,\nattached are the statements.\nJo")
                .withCc(List.of("Books <books@acme.example>"))
                .withAttachment("statements.pdf", "application/pdf", PDF));
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), mail.id(), acme);

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            Api.Response response = api().post("/messages/" + mail.id() + "/assignments", sam.token(),
                    Map.of("clientId", acme));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("entryId").asText()).isEqualTo(entryId.toString());
            assertThat(response.json().get("entryLink").asText())
                    .isEqualTo(GmailTestEnvironment.PUBLIC_URL + "/register/entries/" + entryId);
            CloudEvent event = probe.awaitEvent(e -> isAssigned(e, entryId));
            assertThat(event.getSubject()).isEqualTo(sam.practiceId() + ":" + mail.id());
            assertThat(schema(EventTypes.GMAIL_EMAIL_ASSIGNED).validate(JSON.readTree(event.getData().toBytes()))).isEmpty();
            GmailEmailAssigned assigned = assigned(event);
            assertThat(assigned.clientId()).isEqualTo(acme);
            assertThat(assigned.gmailThreadId()).isEqualTo(mail.threadId());
            assertThat(assigned.mailboxUserId()).isEqualTo(sam.userId());
            assertThat(assigned.mailboxAddress()).isEqualTo(sam.email());
            assertThat(assigned.direction()).isEqualTo(EmailDirection.IN);
            assertThat(assigned.from()).isEqualTo(new EmailAddress("jo@acme.example", "Jo Citizen"));
            assertThat(assigned.to()).extracting(EmailAddress::address).containsExactly(sam.email());
            assertThat(assigned.cc()).containsExactly(new EmailAddress("books@acme.example", "Books"));
            assertThat(assigned.emailSubject()).isEqualTo("BAS for the March quarter");
            assertThat(assigned.bodyText()).isEqualTo("Hi Sam,\nattached are the statements.\nJo");
            assertThat(assigned.sentAt()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
            assertThat(assigned.filedBy()).isEqualTo(FiledBy.USER);
            assertThat(assigned.assignedBy()).isEqualTo(sam.userId());
            assertThat(assigned.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.name()).isEqualTo("statements.pdf");
                assertThat(attachment.contentType()).isEqualTo("application/pdf");
                assertThat(attachment.size()).isEqualTo(PDF.length);
                assertThat(attachment.link()).isEqualTo(GmailTestEnvironment.PUBLIC_URL + "/api/gmail/mailboxes/"
                        + sam.userId() + "/messages/" + mail.id() + "/attachments/" + attachment.attachmentId());
            });
        }
        JsonNode status = api().get("/messages/" + mail.id() + "/status", sam.token()).json();
        assertThat(status.get("assignments")).singleElement().satisfies(a -> {
            assertThat(a.get("clientId").asText()).isEqualTo(acme.toString());
            assertThat(a.get("clientName").asText()).isEqualTo("Acme Pty Ltd");
            assertThat(a.get("entryLink").asText()).endsWith("/register/entries/" + entryId);
        });
    }

    @Test
    void assigningTheSameMessageToTheSameClientTwiceIsANoOpAndEachClientGetsItsOwnEntry() {
        Staff sam = connectedStaff();
        Staff alex = colleague(sam.practiceId(), Role.STAFF);
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "accounts@acme.example", null);
        UUID holdings = client(sam.practiceId(), "Acme Holdings", null, null);
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Group restructure", "…")).id();
        UUID first = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);
        UUID second = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, holdings);

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            assertThat(api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme)).status())
                    .isEqualTo(201);
            Api.Response again = api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("entryId").asText()).isEqualTo(first.toString());
            assertThat(api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", holdings))
                    .status()).isEqualTo(201);

            // Same key, same partition: once the second client's event is here, a duplicate of the first would be too.
            probe.awaitEvent(e -> isAssigned(e, second));
            assertThat(probe.events().stream().filter(e -> isAssigned(e, first))).hasSize(1);
        }
        assertThat(api().get("/messages/" + message + "/status", sam.token()).json().get("assignments")).hasSize(2);
        // A colleague sees the same links for the message id (the status is the practice's).
        assertThat(api().get("/messages/" + message + "/status", alex.token()).json().get("assignments")).hasSize(2);
    }

    @Test
    void htmlOnlyMailIsFiledAsSafeText() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        String html = "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
                + "<p>Dear Sam,</p><p>Fees &amp; charges: <b>$1,200</b>&nbsp;due<br>on 1 May.</p>"
                + "<ul><li>Invoice</li><li>Receipt</li></ul><img src=x onerror=alert(1)></body></html>";
        // As RFC 822 source: the sandbox's seed builder labels an HTML-only body text/plain.
        String message = deliver(sam, GmailMessageSeed.ofRaw("From: jo@acme.example\r\nTo: " + sam.email()
                + "\r\nSubject: Fees\r\nDate: Mon, 2 Mar 2026 09:41:00 +1100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n")).id();
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));

            GmailEmailAssigned filed = assigned(probe.awaitEvent(e -> isAssigned(e, entryId)));
            assertThat(filed.sentAt()).isEqualTo(Instant.parse("2026-03-01T22:41:00Z"));
            String body = filed.bodyText();
            assertThat(body).isEqualTo("Dear Sam,\nFees & charges: $1,200 due\non 1 May.\n- Invoice\n- Receipt");
            assertThat(body).doesNotContain("<", "alert", "color:red");
        }
    }

    @Test
    void suggestsClientsWhoseContactOrOwnEmailIsTheSender() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "Jo@Acme.example");
        UUID joPersonally = client(sam.practiceId(), "Jo Citizen", "jo@acme.example", null);
        client(sam.practiceId(), "Unrelated Ltd", "office@unrelated.example", "pat@unrelated.example");
        String message = deliver(sam, GmailMessageSeed.email("Jo <jo@acme.example>", sam.email(), "Hi", "…")).id();

        JsonNode suggestions = api().get("/messages/" + message + "/suggestions", sam.token()).json();

        assertThat(suggestions.get("from").get("address").asText()).isEqualTo("jo@acme.example");
        assertThat(suggestions.get("suggestions")).extracting(s -> s.get("clientId").asText())
                .containsExactlyInAnyOrder(acme.toString(), joPersonally.toString());
        assertThat(suggestions.get("suggestions")).anySatisfy(s -> {
            assertThat(s.get("displayName").asText()).isEqualTo("Acme Pty Ltd");
            assertThat(s.get("contact").get("name").asText()).isEqualTo("Jo Citizen");
        });
    }

    @Test
    void unassigningPublishesTheEventAndRemovesTheLink() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "jo@acme.example", null);
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "…")).id();
        api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            assertThat(api().delete("/messages/" + message + "/assignments/" + acme, sam.token()).status()).isEqualTo(204);

            CloudEvent event = probe.awaitEvent(e -> EventTypes.GMAIL_EMAIL_UNASSIGNED.type().equals(e.getType())
                    && e.getSubject().equals(sam.practiceId() + ":" + message));
            assertThat(schema(EventTypes.GMAIL_EMAIL_UNASSIGNED).validate(JSON.readTree(event.getData().toBytes()))).isEmpty();
            GmailEmailUnassigned unassigned = codec.decode(event, EventTypes.GMAIL_EMAIL_UNASSIGNED);
            assertThat(unassigned.entryId()).isEqualTo(entryId);
            assertThat(unassigned.clientId()).isEqualTo(acme);
            assertThat(unassigned.unassignedBy()).isEqualTo(sam.userId());
        }
        assertThat(api().get("/messages/" + message + "/status", sam.token()).json().get("assignments")).isEmpty();
        assertThat(api().delete("/messages/" + message + "/assignments/" + acme, sam.token()).status()).isEqualTo(404);
    }

    @Test
    void entryDeletedInTheRegisterRemovesTheLinkWithoutAnEventBack() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "jo@acme.example", null);
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "…")).id();
        api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            publish(new CorrespondenceDeleted(entryId, sam.practiceId(), sam.userId(), Instant.now()));

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/messages/" + message + "/status",
                    sam.token()).json().get("assignments").isEmpty());
            // Filing it again is a new link (and event); no unassigned event was published before it.
            api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));
            probe.awaitEvent(e -> isAssigned(e, entryId));
            assertThat(probe.events()).noneMatch(e -> EventTypes.GMAIL_EMAIL_UNASSIGNED.type().equals(e.getType()));
        }
    }

    @Test
    void colleaguesDownloadAnAttachmentByteForByteFromTheMailboxItWasFiledFrom() throws Exception {
        Staff sam = connectedStaff();
        Staff alex = colleague(sam.practiceId(), Role.STAFF);
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");
        byte[] bytes = new byte[70_000];
        new java.util.Random(7).nextBytes(bytes);
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Scan", "see attached")
                .withAttachment("../../scan \"final\".bin", "application/octet-stream", bytes)).id();
        UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), message, acme);
        String link;
        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", acme));
            link = assigned(probe.awaitEvent(e -> isAssigned(e, entryId))).attachments().get(0).link();
        }
        String path = link.substring((GmailTestEnvironment.PUBLIC_URL + "/api/gmail").length());

        HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
                api().request(path, alex.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("scan final.bin").doesNotContain("..", "/");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void anotherPracticesMessageIsNotFound() {
        Staff sam = connectedStaff();
        Staff stranger = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "jo@acme.example", null);
        UUID strangersClient = client(stranger.practiceId(), "Other Co", null, null);
        GmailMessage mail = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "…")
                .withAttachment("a.txt", "text/plain", "secret".getBytes(StandardCharsets.UTF_8)));
        api().post("/messages/" + mail.id() + "/assignments", sam.token(), Map.of("clientId", acme));
        String attachmentId = "ANGjdJ8";

        assertThat(api().get("/messages/" + mail.id() + "/status", stranger.token()).status()).isEqualTo(404);
        assertThat(api().post("/messages/" + mail.id() + "/assignments", stranger.token(),
                Map.of("clientId", strangersClient)).status()).isEqualTo(404);
        assertThat(api().delete("/messages/" + mail.id() + "/assignments/" + acme, stranger.token()).status())
                .isEqualTo(404);
        assertThat(api().get("/mailboxes/" + sam.userId() + "/messages/" + mail.id() + "/attachments/" + attachmentId,
                stranger.token()).status()).isEqualTo(404);
        assertThat(api().get("/messages/" + mail.id() + "/status", sam.token()).json().get("assignments")).hasSize(1);
    }

    @Test
    void invalidInputIsRefusedWithProblemJsonAndStoresNothing() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "jo@acme.example", null);
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "…")).id();

        Api.Response noClient = api().post("/messages/" + message + "/assignments", sam.token(), Map.of());
        Api.Response notAUuid = api().post("/messages/" + message + "/assignments", sam.token(), Map.of("clientId", "acme"));
        Api.Response unknownClient = api().post("/messages/" + message + "/assignments", sam.token(),
                Map.of("clientId", UUID.randomUUID()));
        Api.Response badMessageId = api().post("/messages/not%20an%20id!/assignments", sam.token(), Map.of("clientId", acme));

        for (Api.Response response : List.of(noClient, notAUuid, unknownClient, badMessageId)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(noClient.json().get("errors").get(0).get("field").asText()).isEqualTo("clientId");
        assertThat(unknownClient.json().get("errors").get(0).get("field").asText()).isEqualTo("clientId");
        assertThat(jdbc.sql("select count(*) from assignment where practice_id = :p").param("p", sam.practiceId())
                .query(Long.class).single()).isZero();
        assertThat(api().get("/messages/" + UUID.randomUUID().toString().replace("-", "") + "/status", sam.token())
                .status()).isEqualTo(404);
    }

    static Schema schema(EventType<?> type) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

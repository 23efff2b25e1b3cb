package io.switchboard.gmail.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.gmail.EmailDirection;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import io.switchboard.gmail.testsupport.RegisterStandIn;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.google.GmailMessage;
import tools.jackson.databind.JsonNode;

/** G3/G4: contacts and templates for the panel, sending through the user's Gmail and filing what was sent. */
class ComposeIntegrationTest extends GmailIntegrationTestBase {

    @Test
    void composeContextListsTheClientsContactsAndTheRegistersTemplatesWithTheCallersToken() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", "accounts@acme.example", "jo@acme.example");

        JsonNode context = api().get("/compose/context?clientId=" + acme, sam.token()).json();

        assertThat(context.get("client").get("displayName").asText()).isEqualTo("Acme Pty Ltd");
        assertThat(context.get("contacts")).singleElement().satisfies(contact -> {
            assertThat(contact.get("name").asText()).isEqualTo("Jo Citizen");
            assertThat(contact.get("email").asText()).isEqualTo("jo@acme.example");
            assertThat(contact.get("role").asText()).isEqualTo("Director");
        });
        assertThat(context.get("templatesAvailable").asBoolean()).isTrue();
        assertThat(context.get("templates").get(0).get("id").asText()).isEqualTo(RegisterStandIn.TEMPLATE.toString());
        assertThat(RegisterStandIn.received()).anyMatch(r -> r.path().equals("/templates")
                && ("Bearer " + sam.token()).equals(r.authorization()));

        JsonNode rendered = api().post("/compose/templates/" + RegisterStandIn.TEMPLATE + "/render", sam.token(),
                Map.of("clientId", acme)).json();
        assertThat(rendered.get("subject").asText()).isEqualTo("Documents for " + acme);
    }

    @Test
    void sendsThroughTheUsersGmailWithTextAndHtmlParts() {
        Staff sam = connectedStaff();

        Api.Response response = api().post("/compose/send", sam.token(), Map.of(
                "to", List.of("jo@acme.example"), "cc", List.of("books@acme.example"),
                "subject", "Your documents", "html", "<p>Dear Jo,</p><p>Please send the <b>statements</b>.</p>",
                "fileInRegister", false,
                "attachments", List.of(Map.of("name", "Checklist.pdf", "url", "https://docs.example/checklist.pdf"))));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("from").asText()).isEqualTo(sam.email());
        assertThat(response.json().get("filed").isNull()).isTrue();
        GmailMessage sent = sandbox().google().sent(sam.email()).get(0);
        assertThat(sent.id()).isEqualTo(response.json().get("gmailMessageId").asText());
        assertThat(sent.from()).contains(sam.email());
        assertThat(sent.to()).containsExactly("jo@acme.example");
        assertThat(sent.cc()).containsExactly("books@acme.example");
        assertThat(sent.subject()).isEqualTo("Your documents");
        assertThat(sent.html()).contains("<b>statements</b>", "https://docs.example/checklist.pdf");
        assertThat(sent.text()).contains("Dear Jo,", "Please send the statements.", "Checklist.pdf: https://docs.example/checklist.pdf");
        assertThat(sent.rawText()).contains("multipart/alternative");
    }

    @Test
    void sendingAndFilingPublishesAnEmailOutEntry() {
        Staff sam = connectedStaff();
        UUID acme = client(sam.practiceId(), "Acme Pty Ltd", null, "jo@acme.example");

        try (KafkaProbe probe = KafkaProbe.on(GMAIL_TOPIC)) {
            Api.Response response = api().post("/compose/send", sam.token(), Map.of(
                    "to", List.of("jo@acme.example"), "subject", "Engagement letter", "html", "<p>Attached.</p>",
                    "text", "Attached.", "clientId", acme, "fileInRegister", true));

            assertThat(response.status()).isEqualTo(201);
            String messageId = response.json().get("gmailMessageId").asText();
            UUID entryId = GmailEmailAssigned.entryIdFor(sam.practiceId(), messageId, acme);
            assertThat(response.json().get("filed").get("entryId").asText()).isEqualTo(entryId.toString());
            GmailEmailAssigned filed = assigned(probe.awaitEvent(e -> isAssigned(e, entryId)));
            assertThat(filed.direction()).isEqualTo(EmailDirection.OUT);
            assertThat(filed.from().address()).isEqualTo(sam.email());
            assertThat(filed.to()).extracting(a -> a.address()).containsExactly("jo@acme.example");
            assertThat(filed.emailSubject()).isEqualTo("Engagement letter");
            assertThat(filed.bodyText()).isEqualTo("Attached.");
        }
        assertThat(sandbox().google().sent(sam.email())).hasSize(1);
    }

    @Test
    void refusesAnInvalidSendAndSendsNothing() {
        Staff sam = connectedStaff();

        Api.Response badAddress = api().post("/compose/send", sam.token(), Map.of(
                "to", List.of("not an address"), "subject", "Hi", "html", "<p>x</p>", "fileInRegister", false));
        Api.Response fileWithoutClient = api().post("/compose/send", sam.token(), Map.of(
                "to", List.of("jo@acme.example"), "subject", "Hi", "html", "<p>x</p>", "fileInRegister", true));
        Api.Response headerInjection = api().post("/compose/send", sam.token(), Map.of(
                "to", List.of("jo@acme.example"), "subject", "Hi\r\nBcc: all@example.com", "html", "<p>x</p>",
                "fileInRegister", false));

        for (Api.Response response : List.of(badAddress, fileWithoutClient, headerInjection)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(fileWithoutClient.json().get("errors").get(0).get("field").asText()).isEqualTo("clientId");
        assertThat(sandbox().google().sent(sam.email())).isEmpty();
    }
}

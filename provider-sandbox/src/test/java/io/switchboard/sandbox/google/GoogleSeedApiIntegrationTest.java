package io.switchboard.sandbox.google;

import static io.switchboard.sandbox.support.GoogleMother.CLIENT_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_ID;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.GoogleMother.SAM_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.SAM_HISTORY_ID;
import static io.switchboard.sandbox.support.GoogleMother.SAM_SUB;
import static io.switchboard.sandbox.support.GoogleOAuthClient.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.GoogleMother;
import io.switchboard.sandbox.support.GoogleOAuthClient;
import io.switchboard.sandbox.support.SandboxApi;
import tools.jackson.databind.JsonNode;

/** Seeding and steering the emulated Google through {@code /sandbox/api/google} and the Java API. */
class GoogleSeedApiIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void seedsAccountsAndClientsFromJsonAndShowsThemWithTheSecretMasked() {
        ResponseEntity<String> created = api.postJson("/sandbox/api/google/seed", GoogleMother.practice());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode sam = SandboxApi.json(api.get("/sandbox/api/google/accounts/" + SAM_EMAIL));
        assertThat(sam.get("sub").asString()).isEqualTo(SAM_SUB);
        assertThat(sam.get("messagesTotal").asInt()).isEqualTo(3);
        assertThat(sam.get("historyId").asLong()).isEqualTo(SAM_HISTORY_ID + 3);
        assertThat(api.get("/sandbox/api/google/clients").getBody()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
        assertThat(SandboxApi.json(api.get("/sandbox/api/google/accounts")).findValuesAsString("email"))
                .containsExactly("bea@acme-accounting.test", SAM_EMAIL);
    }

    @Test
    void deliversMailPostedAsJsonWithABase64AttachmentAndAdvancesTheHistoryId() {
        sandbox.google().seed(GoogleMother.practice());
        long before = sandbox.google().historyId(SAM_EMAIL);

        ResponseEntity<String> delivered = api.postJson("/sandbox/api/google/accounts/" + SAM_EMAIL + "/messages", Map.of(
                "from", "Carol Client <" + CLIENT_EMAIL + ">", "to", List.of(SAM_EMAIL), "subject", "Invoice",
                "text", "Invoice attached", "attachments", List.of(Map.of("filename", "invoice.csv", "contentType", "text/csv",
                        "content", Base64.getEncoder().encodeToString("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))))));

        assertThat(delivered.getStatusCode().value()).isEqualTo(201);
        GmailMessage message = sandbox.google().messages(SAM_EMAIL).get(3);
        assertThat(message.historyId()).isEqualTo(before + 1);
        assertThat(message.labelIds()).containsExactly("INBOX", "UNREAD");
        assertThat(message.from()).isEqualTo("Carol Client <" + CLIENT_EMAIL + ">");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.filename()).isEqualTo("invoice.csv");
            assertThat(new String(attachment.body(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        });
        assertThat(sandbox.google().historySince(SAM_EMAIL, before).orElseThrow()).extracting(record -> record.message().id())
                .containsExactly(message.id());
    }

    @Test
    void refusesAnInvalidSeedListingTheFieldsAndADuplicateAccountAsConflict() {
        sandbox.google().seed(GoogleMother.practice());

        ResponseEntity<String> invalid = api.postJson("/sandbox/api/google/seed", Map.of("accounts", List.of(Map.of("email", "nope")),
                "clients", List.of(Map.of("clientId", "c"))));
        ResponseEntity<String> duplicate = api.postJson("/sandbox/api/google/seed",
                Map.of("accounts", List.of(Map.of("email", SAM_EMAIL))));

        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(SandboxApi.json(invalid).get("errors").findValuesAsString("field"))
                .containsExactly("accounts[0].email", "clients[0]");
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThatThrownBy(() -> sandbox.google().deliver("nobody@x.test", GoogleMother.taxReturn()))
                .isInstanceOfSatisfying(GoogleSeedRejectedException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void revokesAnAccountsGrantsThroughTheSandboxApi() {
        sandbox.google().seed(GoogleMother.practice());
        GoogleOAuthClient oauth = new GoogleOAuthClient(sandbox);
        JsonNode tokens = oauth.connect(SAM_EMAIL, GMAIL_READONLY);

        JsonNode revoked = SandboxApi.json(api.postJson("/sandbox/api/google/accounts/" + SAM_EMAIL + "/revoke-grants", Map.of()));

        assertThat(revoked.get("revoked").asInt()).isEqualTo(2);
        assertThat(oauth.gmailGet("/profile", tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(oauth.refresh(tokens.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void showsGoogleAccountsAndTheirMessagesOnTheSandboxPageEscaped() {
        sandbox.google().seed(GoogleMother.practice());
        sandbox.google().deliver(SAM_EMAIL, GmailMessageSeed.email(CLIENT_EMAIL, SAM_EMAIL, "<script>alert(1)</script>", "x"));

        String page = api.get("/sandbox").getBody();

        assertThat(page).contains("Google accounts", SAM_EMAIL, "Sam Staff", "Tax return 2026", "(1 attachments)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void resetForgetsAccountsClientsAndTokens() {
        sandbox.google().seed(GoogleMother.practice());
        String token = new GoogleOAuthClient(sandbox).accessToken(SAM_EMAIL, GMAIL_READONLY);

        sandbox.reset();

        assertThat(sandbox.google().accounts()).isEmpty();
        assertThat(sandbox.google().clients()).isEmpty();
        assertThat(sandbox.google().accessToken(token)).isEmpty();
    }
}

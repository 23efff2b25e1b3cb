package io.switchboard.sandbox.google;

import static io.switchboard.sandbox.support.GoogleMother.CLIENT_EMAIL;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_ID;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.GoogleMother.REDIRECT_URI;
import static io.switchboard.sandbox.support.GoogleMother.SAM_EMAIL;
import static io.switchboard.sandbox.support.GoogleOAuthClient.GMAIL_READONLY;
import static io.switchboard.sandbox.support.GoogleOAuthClient.VERIFIER;
import static io.switchboard.sandbox.support.GoogleOAuthClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.GmailClients;
import io.switchboard.sandbox.support.GoogleMother;
import io.switchboard.sandbox.support.GoogleOAuthClient;

/** {@code sandbox.google.*}: OAuth paths moved elsewhere, and a mailbox that keeps only two history records. */
class GooglePropertiesIntegrationTest {

    private static ProviderSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(Map.of(
                "sandbox.google.paths.authorization", "/accounts/o8/auth",
                "sandbox.google.paths.token", "/oauth2/v4/token",
                "sandbox.google.history-retention", "2"));
        sandbox.google().seed(GoogleMother.practice());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void servesTheOAuthEndpointsAtTheConfiguredPathsAndRecordsThemAsGoogle() {
        GoogleOAuthClient client = new GoogleOAuthClient(sandbox);
        HttpResponse<String> authorize = client.get("/accounts/o8/auth", params("client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI, "response_type", "code", "scope", GMAIL_READONLY, "login_hint", SAM_EMAIL,
                "auto", "true"));
        HttpResponse<String> token = client.post("/oauth2/v4/token", params("grant_type", "authorization_code",
                "code", GoogleOAuthClient.code(authorize), "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "code_verifier", VERIFIER));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(client.get("/o/oauth2/v2/auth", Map.of()).statusCode()).isEqualTo(404);
        assertThat(sandbox.requests("google")).extracting(request -> request.path())
                .contains("/accounts/o8/auth", "/oauth2/v4/token");
    }

    @Test
    void forgetsTheOldestHistoryRecordsPastTheRetentionAndAnswersNotFoundForThem() throws Exception {
        String token = sandbox.google().issueTokens(new GoogleGrant(sandbox.google().account(SAM_EMAIL).orElseThrow().sub(),
                CLIENT_ID, java.util.Set.of(GMAIL_READONLY)), false, false).accessToken();
        Gmail gmail = GmailClients.gmail(sandbox, token);
        long start = sandbox.google().historyId(SAM_EMAIL);
        for (int i = 0; i < 3; i++) {
            sandbox.google().deliver(SAM_EMAIL, GmailMessageSeed.email(CLIENT_EMAIL, SAM_EMAIL, "Mail " + i, "Body"));
        }

        assertThatThrownBy(() -> gmail.users().history().list("me").setStartHistoryId(BigInteger.valueOf(start)).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        List<History> kept = gmail.users().history().list("me").setStartHistoryId(BigInteger.valueOf(start + 1))
                .execute().getHistory();
        assertThat(kept).hasSize(2);
    }
}

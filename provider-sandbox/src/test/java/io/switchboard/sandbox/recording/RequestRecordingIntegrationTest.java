package io.switchboard.sandbox.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SandboxApi;
import tools.jackson.databind.JsonNode;

/** What the recorder keeps of calls to each provider's paths, seen through the JSON API. */
class RequestRecordingIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void attributesCallsToTheProviderWhosePathsTheyUse() {
        api.postForm("/api/conversations.list?limit=10", "exclude_archived=true");
        api.postJson("/v1.0/teams/T1/channels/C1/messages", Map.of("body", Map.of("content", "hi")));
        api.get("/gmail/v1/users/me/messages/18c2?format=full");
        api.postForm("/common/oauth2/v2.0/token", "grant_type=client_credentials&client_id=app");
        api.get("/actuator/health");
        api.get("/sandbox/api/limits");

        assertThat(sandbox.requests()).extracting(RecordedRequest::provider)
                .containsExactly("slack", "graph", "gmail", "identity");
        assertThat(sandbox.requests("gmail")).singleElement().satisfies(recorded -> {
            assertThat(recorded.method()).isEqualTo("GET");
            assertThat(recorded.path()).isEqualTo("/gmail/v1/users/me/messages/18c2");
            assertThat(recorded.queryValue("format")).isEqualTo("full");
        });
    }

    @Test
    void keepsQueryFormAndJsonBodiesApart() {
        api.postForm("/api/conversations.list?limit=10", "exclude_archived=true&types=public_channel%2Cprivate_channel");
        api.postJson("/v1.0/teams/T1/channels/C1/messages", Map.of("body", Map.of("contentType", "html", "content", "<p>hi</p>")));

        RecordedRequest slack = sandbox.requests("slack").get(0);
        assertThat(slack.query()).containsOnlyKeys("limit");
        assertThat(slack.formValue("types")).isEqualTo("public_channel,private_channel");
        assertThat(slack.json()).isNull();
        RecordedRequest graph = sandbox.requests("graph").get(0);
        assertThat(graph.json().get("body").get("content").asString()).isEqualTo("<p>hi</p>");
        assertThat(graph.form()).isEmpty();
    }

    @Test
    void masksSecretsInFormsAndJsonBodies() {
        String clientSecret = "S3cr3t-client-secret-value-0042";
        String refreshToken = "0.ARoAv4j5cvGGr0GRqy180BHbR-refresh-9911";
        api.postForm("/api/oauth.v2.access", "client_id=123.456&client_secret=" + clientSecret + "&code=4.5678.abcdefgh12345");
        api.postJson("/common/oauth2/v2.0/token", Map.of("refresh_token", refreshToken, "grant_type", "refresh_token"));

        assertThat(sandbox.requests("slack").get(0).formValue("client_secret")).isEqualTo("…0042");
        assertThat(sandbox.requests("identity").get(0).json().get("refresh_token").asString()).isEqualTo("…9911");
        String json = api.get("/sandbox/api/requests").getBody();
        assertThat(json).doesNotContain(clientSecret).doesNotContain(refreshToken).doesNotContain("abcdefgh12345");
    }

    @Test
    void recordsTheStatusEachCallWasAnsweredWith() {
        api.get("/v1.0/me/drive");
        api.postJson("/v1.0/teams/T1/channels/C1/messages", Map.of("body", Map.of("content", "hi")));

        assertThat(sandbox.requests("graph")).extracting(RecordedRequest::status).containsExactly(501, 401);
    }

    @Test
    void filtersTheJsonApiByProviderAndPathAndForgetsOnDelete() {
        api.postForm("/api/chat.postMessage", "channel=C1&text=hi");
        api.postForm("/api/auth.test", "");
        api.get("/gmail/v1/users/me/profile");

        JsonNode chat = SandboxApi.json(api.get("/sandbox/api/requests?provider=slack&path=/api/chat.*"));
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).get("path").asString()).isEqualTo("/api/chat.postMessage");
        assertThat(chat.get(0).get("form").get("text").get(0).asString()).isEqualTo("hi");
        assertThat(SandboxApi.json(api.get("/sandbox/api/requests?provider=gmail"))).hasSize(1);
        assertThat(api.get("/sandbox/api/requests?path=/api/{bad").getStatusCode().value()).isEqualTo(400);

        assertThat(api.delete("/sandbox/api/requests").getStatusCode().value()).isEqualTo(204);

        assertThat(SandboxApi.json(api.get("/sandbox/api/requests"))).isEmpty();
    }
}

package io.switchboard.sandbox.ratelimit;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;
import tools.jackson.databind.JsonNode;

/** Reading and overriding the providers' limits over HTTP, as the dev stack and benchmarks do. */
class LimitsApiIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
    }

    @Test
    void listsTheConfiguredLimits() {
        JsonNode limits = SandboxApi.json(api.get("/sandbox/api/limits"));

        JsonNode perChannel = limits.get("slack").get("post-message-per-channel");
        assertThat(perChannel.get("rate").asInt()).isEqualTo(1);
        assertThat(perChannel.get("burst").asInt()).isEqualTo(3);
        assertThat(limits.get("graph").get("channel-message-per-channel").get("rate").asInt()).isEqualTo(4);
    }

    @Test
    void anOverrideSetOverHttpThrottlesWithSlacksShapeAndRetryAfter() {
        ResponseEntity<String> put = api.putJson("/sandbox/api/limits/slack/auth-test",
                Map.of("rate", 1, "period", "PT30S", "burst", 1));
        assertThat(put.getStatusCode().value()).isEqualTo(200);

        api.postForm("/api/auth.test", "token=" + ACME_BOT_TOKEN);
        ResponseEntity<String> throttled = api.postForm("/api/auth.test", "token=" + ACME_BOT_TOKEN);

        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(SandboxApi.json(throttled).get("ok").asBoolean()).isFalse();
        assertThat(SandboxApi.json(throttled).get("error").asString()).isEqualTo("ratelimited");
    }

    @Test
    void refusesAnOverrideOfALimitThatDoesNotExist() {
        ResponseEntity<String> put = api.putJson("/sandbox/api/limits/slack/no-such-limit", Map.of("rate", 1));

        assertThat(put.getStatusCode().value()).isEqualTo(404);
        assertThat(put.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void refusesAnOverrideWithoutAPositiveRate() {
        assertThat(api.putJson("/sandbox/api/limits/slack/auth-test", Map.of("rate", 0)).getStatusCode().value())
                .isEqualTo(400);
    }
}

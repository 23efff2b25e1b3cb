package io.switchboard.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document says what each operation does. */
@SwitchboardIntegrationTest
class RegisterApiDocumentationIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationHasASummary() {
        JsonNode paths = Api.onPort(port).get("/v3/api-docs", null).json().get("paths");
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode summary = operation.getValue().get("summary");
            if (summary == null || summary.asText().isBlank()) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));

        assertThat(paths.has("/entries/{id}/shares")).isTrue();
        assertThat(paths.has("/templates/{id}/render")).isTrue();
        assertThat(undocumented).isEmpty();
    }

    @Test
    void markingActionedDocumentsItsAnswersAndProblems() {
        JsonNode paths = Api.onPort(port).get("/v3/api-docs", null).json().get("paths");
        for (String path : List.of("/entries/{id}/actioned", "/internal/practices/{practiceId}/entries/{id}/actioned")) {
            JsonNode responses = paths.get(path).get("post").get("responses");

            assertThat(responses.get("200").get("content").has("application/json")).as(path).isTrue();
            for (String problem : List.of("401", "403", "404")) {
                assertThat(responses.get(problem).get("content").has("application/problem+json")).as(path + " " + problem)
                        .isTrue();
            }
        }
    }
}

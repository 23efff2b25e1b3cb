package io.switchboard.workflow;

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
class WorkflowApiDocumentationIntegrationTest {

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

        assertThat(paths.has("/pipelines/{id}/stage-order")).isTrue();
        assertThat(paths.has("/jobs/{id}/moves")).isTrue();
        assertThat(paths.has("/portal/threads/{id}/todos/{todoId}/done")).isTrue();
        assertThat(paths.has("/portal/tasks/{id}/documents")).isTrue();
        assertThat(paths.has("/tasks/{id}/comments")).isTrue();
        assertThat(undocumented).isEmpty();
    }
}

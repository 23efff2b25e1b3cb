package io.switchboard.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists the add-on's operations, each with a summary. */
class GmailApiDocumentationIntegrationTest extends GmailIntegrationTestBase {

    @Test
    void everyOperationHasASummary() {
        JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode summary = operation.getValue().get("summary");
            if (summary == null || summary.asText().isBlank()) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));

        assertThat(paths.has("/messages/{messageId}/assignments")).isTrue();
        assertThat(paths.has("/messages/{messageId}/assignments/{clientId}")).isTrue();
        assertThat(paths.has("/mailboxes/{userId}/messages/{messageId}/attachments/{attachmentId}")).isTrue();
        assertThat(paths.has("/compose/send")).isTrue();
        assertThat(paths.has("/proposals/{id}/accept")).isTrue();
        assertThat(undocumented).isEmpty();
    }
}

package io.switchboard.workflow;

import static io.switchboard.workflow.testsupport.WorkflowMother.sendsNew;
import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.stageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event workflow-service publishes validates against its JSON Schema in the contracts. */
@SwitchboardIntegrationTest
class PublishedEventsMatchContractIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @LocalServerPort
    int port;

    @Test
    void jobCreatedJobMovedAndThreadMessagePostedValidateAgainstTheirSchemas() {
        WorkflowMother workflow = new WorkflowMother(port);
        UUID client = workflow.client("Lisa Simpson");
        workflow.portalUser(client);
        JsonNode pipeline = workflow.createPipeline("Contract",
                stage("Ask", false, sendsNew("NEW_THREAD", "Documents", "Please upload.", "ID")), stage("Next", false));
        try (KafkaProbe probe = KafkaProbe.on("workflow.job.v1", "workflow.thread.v1")) {
            String jobId = workflow.createJob(pipeline, client).get("id").asText();
            String threadId = workflow.job(jobId).get("threadIds").get(0).asText();
            workflow.api.post("/jobs/" + jobId + "/moves", workflow.staff,
                    Map.of("toStageId", stageId(pipeline, 1), "decision", "MOVE_ALONG"));

            for (EventType<?> type : List.of(EventTypes.JOB_CREATED, EventTypes.JOB_MOVED,
                    EventTypes.THREAD_MESSAGE_POSTED)) {
                String subject = type == EventTypes.THREAD_MESSAGE_POSTED ? threadId : jobId;
                CloudEvent event = probe.awaitEvent(e -> type.type().equals(e.getType()) && subject.equals(e.getSubject()));
                assertThat(event.getDataSchema()).isEqualTo(type.dataSchema());
                JsonNode data = JSON.readTree(event.getData().toBytes());
                assertThat(schema(type).validate(data)).as(type.type()).isEmpty();
            }
        }
    }

    @Test
    void taskAssignedRespondedStatusChangedAndMentionValidateAgainstTheirSchemas() {
        WorkflowMother workflow = new WorkflowMother(port);
        UUID client = workflow.client("Lisa Simpson");
        UUID accountant = UUID.randomUUID();
        String portal = workflow.portalUser(client);
        workflow.pointsOfContact(UUID.randomUUID(), UUID.randomUUID(), null);
        workflow.assignRole("accountant", accountant);
        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            String taskId = workflow.createTask(WorkflowMother.task("BANK_FEED_CONNECTION_REQUEST", client, "Reconnect",
                    "category", "BANK_STATEMENTS", "dueDate", "2026-06-30")).get("id").asText();
            workflow.api.post("/portal/tasks/" + taskId + "/bank-feed", portal, Map.of("bankName", "First National"));
            workflow.api.post("/portal/tasks/" + taskId + "/comments", portal, Map.of("body", "@accountant done",
                    "mentions", List.of(Map.of("kind", "ROLE", "role", "accountant"))));

            for (EventType<?> type : List.of(EventTypes.TASK_ASSIGNED, EventTypes.TASK_RESPONDED,
                    EventTypes.TASK_STATUS_CHANGED, EventTypes.USER_MENTIONED)) {
                CloudEvent event = probe.awaitEvent(e -> type.type().equals(e.getType()) && taskId.equals(e.getSubject()));
                assertThat(event.getDataSchema()).isEqualTo(type.dataSchema());
                JsonNode data = JSON.readTree(event.getData().toBytes());
                assertThat(schema(type).validate(data)).as(type.type()).isEmpty();
            }
        }
    }

    private static Schema schema(EventType<?> type) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

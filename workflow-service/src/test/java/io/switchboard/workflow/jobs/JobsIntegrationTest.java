package io.switchboard.workflow.jobs;

import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.stageId;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cloudevents.CloudEvent;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class JobsIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    JsonNode pipeline;
    UUID client;

    @BeforeEach
    void pipeline() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        pipeline = workflow.createPipeline("Tax returns", stage("Intake", false), stage("Preparation", false),
                stage("Lodged", false));
    }

    @Test
    void createsAJobInTheFirstStageAndPublishesJobCreatedKeyedByTheJob() {
        try (KafkaProbe probe = KafkaProbe.on("workflow.job.v1")) {
            JsonNode job = workflow.createJob(pipeline, client);

            String jobId = job.get("id").asText();
            assertThat(job.get("stageId").asText()).isEqualTo(stageId(pipeline, 0));
            assertThat(job.get("stageName").asText()).isEqualTo("Intake");
            assertThat(job.get("clientName").asText()).isEqualTo("Lisa Simpson");
            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> jobId.equals(r.key()));
            CloudEvent event = KafkaProbe.toCloudEvent(record);
            assertThat(event.getType()).isEqualTo("switchboard.workflow.job.created.v1");
            assertThat(event.getExtension("practiceid")).hasToString(workflow.practice.toString());
            JsonNode data = Events.data(event);
            assertThat(data.get("clientId").asText()).isEqualTo(client.toString());
            assertThat(data.get("stageName").asText()).isEqualTo("Intake");
            assertThat(data.get("title").asText()).isEqualTo("2025 tax return");
        }
    }

    @Test
    void manualMovePublishesWhoFromToAndWhyAndIsKeptInTheHistory() {
        UUID mover = UUID.randomUUID();
        String moverToken = TestTokens.user(workflow.practice, mover, io.switchboard.platform.security.Role.STAFF);
        String jobId = workflow.createJob(pipeline, client).get("id").asText();

        try (KafkaProbe probe = KafkaProbe.on("workflow.job.v1")) {
            Api.Response moved = api.post("/jobs/" + jobId + "/moves", moverToken, Map.of("toStageId", stageId(pipeline, 2)));

            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("stageName").asText()).isEqualTo("Lodged");
            CloudEvent event = probe.awaitEvent(e -> e.getType().equals("switchboard.workflow.job.moved.v1")
                    && jobId.equals(e.getSubject()));
            JsonNode data = Events.data(event);
            assertThat(data.get("movedBy").asText()).isEqualTo(mover.toString());
            assertThat(data.get("fromStageId").asText()).isEqualTo(stageId(pipeline, 0));
            assertThat(data.get("toStageId").asText()).isEqualTo(stageId(pipeline, 2));
            assertThat(data.get("fromStageName").asText()).isEqualTo("Intake");
            assertThat(data.get("toStageName").asText()).isEqualTo("Lodged");
            assertThat(data.get("reason").asText()).isEqualTo("MANUAL");
            assertThat(data.get("decision").isNull()).isTrue();
        }
        JsonNode history = api.get("/jobs/" + jobId + "/moves", workflow.staff).json();
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("movedBy").asText()).isEqualTo(mover.toString());
    }

    @Test
    void refusesAMoveToAnotherPipelinesStageOrTheCurrentStage() {
        String jobId = workflow.createJob(pipeline, client).get("id").asText();
        JsonNode other = workflow.createPipeline("Other", stage("Elsewhere", false));

        Api.Response elsewhere = api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(other, 0)));
        Api.Response same = api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(pipeline, 0)));

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asText()).isEqualTo("toStageId");
        assertThat(same.status()).isEqualTo(400);
        assertThat(api.get("/jobs/" + jobId + "/moves", workflow.staff).json().size()).isZero();
    }

    @Test
    void refusesInvalidJobsWithTheFieldsAtFaultAndStoresNothing() {
        Api.Response missing = api.post("/jobs", workflow.staff, Map.of("clientName", " "));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(texts(missing.json().get("errors"), "field"))
                .containsExactlyInAnyOrder("pipelineId", "clientId", "clientName");

        Api.Response notAUuid = api.post("/jobs", workflow.staff, "{\"pipelineId\":\"nope\",\"clientId\":\"" + client
                + "\",\"clientName\":\"Lisa\"}");
        assertThat(notAUuid.status()).isEqualTo(400);

        assertThat(api.get("/jobs?pipelineId=" + pipeline.get("id").asText(), workflow.staff).json().size()).isZero();
    }

    @Test
    void anotherPracticesJobIsNotFound() {
        String jobId = workflow.createJob(pipeline, client).get("id").asText();
        String stranger = TestTokens.staff(UUID.randomUUID());

        assertThat(api.get("/jobs/" + jobId, stranger).status()).isEqualTo(404);
        assertThat(api.post("/jobs/" + jobId + "/moves", stranger, Map.of("toStageId", stageId(pipeline, 1))).status())
                .isEqualTo(404);
        assertThat(api.post("/jobs", stranger, Map.of("pipelineId", pipeline.get("id").asText(), "clientId",
                client.toString(), "clientName", "Lisa")).status()).isEqualTo(404);
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));
    }

    @Test
    void portalUsersCannotReachTheStaffApi() {
        String portal = workflow.portalUser(client);

        assertThat(api.get("/pipelines", portal).status()).isEqualTo(403);
        assertThat(api.post("/jobs", portal, Map.of("pipelineId", pipeline.get("id").asText(), "clientId",
                client.toString(), "clientName", "Lisa")).status()).isEqualTo(403);
        assertThat(api.get("/threads?clientId=" + client, portal).status()).isEqualTo(403);
    }
}

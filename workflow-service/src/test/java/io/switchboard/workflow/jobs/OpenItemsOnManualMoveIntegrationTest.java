package io.switchboard.workflow.jobs;

import static io.switchboard.workflow.testsupport.WorkflowMother.sendsNew;
import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.stageId;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cloudevents.CloudEvent;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

/** FEATURES.md W5: a manual move while linked to-dos are open needs a decision. */
@SwitchboardIntegrationTest
class OpenItemsOnManualMoveIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    JsonNode pipeline;
    UUID client;
    String portal;
    String jobId;
    String threadId;

    @BeforeEach
    void jobWithOpenTodos() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        portal = workflow.portalUser(client);
        pipeline = workflow.createPipeline("Tax returns",
                stage("Documents requested", false, sendsNew("NEW_THREAD", "Documents", "Please upload.",
                        "Payment summary", "Bank statements")),
                stage("Preparation", true),
                stage("Lodged", false));
        JsonNode job = workflow.createJob(pipeline, client);
        jobId = job.get("id").asText();
        threadId = job.get("threadIds").get(0).asText();
    }

    @Test
    void refusesMoveWhileTodosOpenWithoutDecisionListingTheOpenItems() {
        Api.Response refused = api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(pipeline, 1)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(texts(refused.json().get("openItems"), "text")).containsExactly("Payment summary", "Bank statements");
        assertThat(refused.json().get("openItems").get(0).get("threadId").asText()).isEqualTo(threadId);
        assertThat(refused.json().get("decisions").valueStream().map(JsonNode::asText).toList())
                .containsExactly("KEEP_OPEN", "CANCEL", "MOVE_ALONG");
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));
        assertThat(api.get("/jobs/" + jobId + "/moves", workflow.staff).json().size()).isZero();
    }

    @Test
    void cancelDecisionCancelsTheOpenItemsSoTheyNoLongerCount() {
        try (KafkaProbe probe = KafkaProbe.on("workflow.job.v1")) {
            Api.Response moved = api.post("/jobs/" + jobId + "/moves", workflow.staff,
                    Map.of("toStageId", stageId(pipeline, 1), "decision", "CANCEL"));

            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("openTodos").size()).isZero();
            CloudEvent event = probe.awaitEvent(e -> e.getType().endsWith("job.moved.v1") && jobId.equals(e.getSubject()));
            assertThat(Events.data(event).get("decision").asText()).isEqualTo("CANCEL");
        }
        JsonNode thread = api.get("/portal/threads/" + threadId, portal).json();
        assertThat(texts(thread.get("todos"), "status")).containsExactly("CANCELLED", "CANCELLED");
        String todo = thread.get("todos").get(0).get("id").asText();
        assertThat(api.post("/portal/threads/" + threadId + "/todos/" + todo + "/done", portal, "{}").status())
                .isEqualTo(409);
    }

    @Test
    void keepOpenDecisionLeavesTheItemsWithTheClientButNoLongerWithTheJob() {
        Api.Response moved = api.post("/jobs/" + jobId + "/moves", workflow.staff,
                Map.of("toStageId", stageId(pipeline, 1), "decision", "KEEP_OPEN"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("threadIds").size()).isZero();
        assertThat(texts(workflow.thread(threadId).get("todos"), "status")).containsExactly("OPEN", "OPEN");

        workflow.checkOffAll(portal, threadId);
        assertThat(workflow.job(jobId).get("stageId").asText()).as("unlinked items do not automove the job")
                .isEqualTo(stageId(pipeline, 1));
    }

    @Test
    void moveAlongDecisionKeepsTheThreadsLinkedSoTheyCountInTheNewStage() {
        Api.Response moved = api.post("/jobs/" + jobId + "/moves", workflow.staff,
                Map.of("toStageId", stageId(pipeline, 1), "decision", "MOVE_ALONG"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("threadIds").valueStream().map(JsonNode::asText).toList()).containsExactly(threadId);
        assertThat(moved.json().get("openTodos").size()).isEqualTo(2);

        workflow.checkOffAll(portal, threadId);
        assertThat(workflow.job(jobId).get("stageId").asText()).as("Preparation has automove on")
                .isEqualTo(stageId(pipeline, 2));
    }

    @Test
    void aDecisionIsNotNeededOnceEveryItemIsDone() {
        workflow.checkOffAll(portal, threadId);

        Api.Response moved = api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(pipeline, 2)));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(api.get("/jobs/" + jobId + "/moves", workflow.staff).json().get(0).get("decision").isNull()).isTrue();
    }
}

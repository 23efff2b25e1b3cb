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

@SwitchboardIntegrationTest
class StageAutomationIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
    }

    @Test
    void enteringAStageSendsItsTemplateIntoANewThreadLinkedToTheJobAndTellsThePortalUsers() {
        String portal = workflow.portalUser(client);
        JsonNode portalUser = api.get("/clients/" + client + "/portal-users", workflow.staff).json().get(0);
        JsonNode pipeline = workflow.createPipeline("Tax returns",
                stage("Documents requested", false, sendsNew("NEW_THREAD", "Documents for your return",
                        "Hi, please upload these.", "Payment summary", "Bank statements")),
                stage("Preparation", false));

        try (KafkaProbe probe = KafkaProbe.on("workflow.thread.v1")) {
            JsonNode job = workflow.createJob(pipeline, client);

            assertThat(job.get("threadIds").size()).isEqualTo(1);
            String threadId = job.get("threadIds").get(0).asText();
            assertThat(texts(job.get("openTodos"), "text")).containsExactly("Payment summary", "Bank statements");
            CloudEvent event = probe.awaitEvent(e -> threadId.equals(e.getSubject()));
            assertThat(event.getType()).isEqualTo("switchboard.workflow.thread.message.posted.v1");
            JsonNode data = Events.data(event);
            assertThat(data.get("practiceId").asText()).isEqualTo(workflow.practice.toString());
            assertThat(data.get("clientId").asText()).isEqualTo(client.toString());
            assertThat(data.get("jobId").asText()).isEqualTo(job.get("id").asText());
            assertThat(data.get("threadSubject").asText()).isEqualTo("Documents for your return");
            assertThat(data.get("todoCount").asInt()).isEqualTo(2);
            assertThat(data.get("automated").asBoolean()).isTrue();
            assertThat(data.get("authorParty").asText()).isEqualTo("PRACTICE");
            assertThat(data.get("recipients").size()).isEqualTo(1);
            assertThat(data.get("recipients").get(0).get("userId").asText()).isEqualTo(portalUser.get("userId").asText());
            assertThat(data.get("recipients").get(0).get("email").asText()).isEqualTo(portalUser.get("email").asText());
            assertThat(data.get("link").asText()).endsWith("/portal/threads/" + threadId);
        }
        JsonNode threads = api.get("/portal/threads", portal).json();
        assertThat(threads.size()).isEqualTo(1);
        assertThat(threads.get(0).get("openTodos").asInt()).isEqualTo(2);
    }

    @Test
    void replyToLatestStartsANewThreadWhenTheJobHasNoneThenRepliesInItExtendingItsTodoList() {
        JsonNode pipeline = workflow.createPipeline("Payroll",
                stage("Collect", false, sendsNew("REPLY_TO_LATEST", "Payroll for March", "Please confirm hours.",
                        "Confirm hours")),
                stage("Check", false, sendsNew("REPLY_TO_LATEST", "unused subject", "One more thing.", "Sign the form")),
                stage("Run", false, sendsNew("NEW_THREAD", "Payroll run", "All done, no action needed.")));

        JsonNode job = workflow.createJob(pipeline, client);
        String jobId = job.get("id").asText();
        String firstThread = job.get("threadIds").get(0).asText();
        api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(pipeline, 1),
                "decision", "MOVE_ALONG"));

        JsonNode moved = workflow.job(jobId);
        assertThat(moved.get("threadIds").valueStream().map(JsonNode::asText).toList()).containsExactly(firstThread);
        JsonNode thread = workflow.thread(firstThread);
        assertThat(thread.get("messages").size()).isEqualTo(2);
        assertThat(texts(thread.get("todos"), "text")).containsExactly("Confirm hours", "Sign the form");

        api.post("/jobs/" + jobId + "/moves", workflow.staff, Map.of("toStageId", stageId(pipeline, 2),
                "decision", "MOVE_ALONG"));
        JsonNode inRun = workflow.job(jobId);
        assertThat(inRun.get("threadIds").size()).isEqualTo(2);
        JsonNode runThread = workflow.thread(inRun.get("threadIds").get(1).asText());
        assertThat(runThread.get("subject").asText()).isEqualTo("Payroll run");
        assertThat(runThread.get("todos").size()).isZero();
    }
}

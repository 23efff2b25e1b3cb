package io.switchboard.workflow.jobs;

import static io.switchboard.workflow.testsupport.WorkflowMother.openTodoIds;
import static io.switchboard.workflow.testsupport.WorkflowMother.sendsNew;
import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.stageId;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

/** FEATURES.md W4: a job in an automove stage moves on once every to-do of every linked thread is done. */
@SwitchboardIntegrationTest
class AutomoveIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;
    String portal;

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        portal = workflow.portalUser(client);
    }

    @Test
    void movesTheJobToTheNextStageWhenTheClientChecksOffTheLastTodoAndRunsThatStagesAutomation() {
        JsonNode pipeline = workflow.createPipeline("Tax returns",
                stage("Documents requested", true, sendsNew("NEW_THREAD", "Documents", "Please upload.",
                        "Payment summary", "Bank statements")),
                stage("Preparation", false, sendsNew("REPLY_TO_LATEST", "unused", "Thanks, we are preparing your return.")),
                stage("Lodged", false));
        JsonNode job = workflow.createJob(pipeline, client);
        String jobId = job.get("id").asText();
        String threadId = job.get("threadIds").get(0).asText();
        List<String> todos = openTodoIds(workflow.thread(threadId));
        UUID portalUser = UUID.fromString(api.get("/clients/" + client + "/portal-users", workflow.staff).json()
                .get(0).get("userId").asText());

        api.post("/portal/threads/" + threadId + "/todos/" + todos.get(0) + "/done", portal, "{}");
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));

        try (KafkaProbe probe = KafkaProbe.on("workflow.job.v1", "workflow.thread.v1")) {
            Api.Response last = api.post("/portal/threads/" + threadId + "/todos/" + todos.get(1) + "/done", portal, "{}");

            assertThat(last.status()).as(last.body()).isEqualTo(200);
            assertThat(last.json().get("status").asText()).isEqualTo("DONE");
            assertThat(last.json().get("doneBy").asText()).isEqualTo(portalUser.toString());
            CloudEvent moved = probe.awaitEvent(e -> e.getType().endsWith("job.moved.v1") && jobId.equals(e.getSubject()));
            JsonNode data = Events.data(moved);
            assertThat(data.get("reason").asText()).isEqualTo("AUTOMOVE");
            assertThat(data.get("movedBy").asText()).isEqualTo(portalUser.toString());
            assertThat(data.get("toStageName").asText()).isEqualTo("Preparation");
            CloudEvent reply = probe.awaitEvent(e -> e.getType().endsWith("thread.message.posted.v1")
                    && threadId.equals(e.getSubject()));
            assertThat(Events.data(reply).get("excerpt").asText()).isEqualTo("Thanks, we are preparing your return.");
        }
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 1));
        assertThat(workflow.thread(threadId).get("messages").size()).isEqualTo(2);
    }

    @Test
    void doesNotMoveWhileATodoOfAnyLinkedThreadIsOpen() {
        JsonNode pipeline = workflow.createPipeline("Books", stage("Collect", true,
                sendsNew("NEW_THREAD", "Statements", "Please upload.", "March statement")), stage("Reconcile", false));
        JsonNode job = workflow.createJob(pipeline, client);
        String jobId = job.get("id").asText();
        String other = workflow.startThread(client, "Receipts", "Also these.", "Fuel receipts").get("id").asText();
        api.post("/jobs/" + jobId + "/threads", workflow.staff, Map.of("threadId", other));

        workflow.checkOffAll(portal, job.get("threadIds").get(0).asText());
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));

        workflow.checkOffAll(portal, other);
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 1));
    }

    @Test
    void aHandLinkedThreadCountsTheSameAndAMessageWithoutTodosDoesNotCount() {
        JsonNode pipeline = workflow.createPipeline("Advisory", stage("Waiting on client", true), stage("Meeting", false));
        String jobId = workflow.createJob(pipeline, client).get("id").asText();
        String chatter = workflow.startThread(client, "Hello", "Just saying hello, nothing to do.").get("id").asText();
        String questions = workflow.startThread(client, "Questions", "Please answer.", "Answer the questionnaire")
                .get("id").asText();

        Api.Response linked = api.post("/jobs/" + jobId + "/threads", workflow.staff, Map.of("threadId", chatter));
        api.post("/jobs/" + jobId + "/threads", workflow.staff, Map.of("threadId", questions));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(workflow.job(jobId).get("threadIds").size()).isEqualTo(2);

        workflow.checkOffAll(portal, questions);

        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 1));
        JsonNode moves = api.get("/jobs/" + jobId + "/moves", workflow.staff).json();
        assertThat(texts(moves, "reason")).containsExactly("AUTOMOVE");
    }

    @Test
    void aLaterMessageExtendsTheTodoListAndItsItemsMustBeDoneToo() {
        JsonNode pipeline = workflow.createPipeline("Payroll", stage("Collect", true,
                sendsNew("NEW_THREAD", "Hours", "Please confirm.", "Confirm hours")), stage("Run", false));
        JsonNode job = workflow.createJob(pipeline, client);
        String jobId = job.get("id").asText();
        String threadId = job.get("threadIds").get(0).asText();
        String firstTodo = openTodoIds(workflow.thread(threadId)).get(0);

        api.post("/threads/" + threadId + "/messages", workflow.staff, Map.of("body", "One more thing.",
                "todos", List.of("Sign the timesheet")));
        api.post("/portal/threads/" + threadId + "/todos/" + firstTodo + "/done", portal, "{}");
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));

        workflow.checkOffAll(portal, threadId);
        assertThat(workflow.job(jobId).get("stageId").asText()).isEqualTo(stageId(pipeline, 1));
    }

    @Test
    void doesNotMoveFromAStageWithoutAutomove() {
        JsonNode pipeline = workflow.createPipeline("Manual", stage("Collect", false,
                sendsNew("NEW_THREAD", "Docs", "Please upload.", "ID")), stage("Next", false));
        JsonNode job = workflow.createJob(pipeline, client);

        workflow.checkOffAll(portal, job.get("threadIds").get(0).asText());

        assertThat(workflow.job(job.get("id").asText()).get("stageId").asText()).isEqualTo(stageId(pipeline, 0));
    }

    /**
     * Two portal users of one client check off the last two items at the same instant, through HTTP, against the
     * real PostgreSQL. The next stage also has automove on, so a second evaluation that wrongly saw
     * "all done" would move the job again: exactly one move must happen, every round.
     */
    @Test
    void twoLastCheckOffsAtOnceMoveTheJobExactlyOnce() throws Exception {
        String otherPortal = workflow.portalUser(client);
        JsonNode pipeline = workflow.createPipeline("Race", stage("Collect", true,
                sendsNew("NEW_THREAD", "Docs", "Please upload.", "First", "Second")),
                stage("Check", true), stage("Done", false));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                JsonNode job = workflow.createJob(pipeline, client);
                String jobId = job.get("id").asText();
                String threadId = job.get("threadIds").get(0).asText();
                List<String> todos = openTodoIds(workflow.thread(threadId));
                CyclicBarrier start = new CyclicBarrier(2);

                CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                        () -> checkOffAfter(start, portal, threadId, todos.get(0)), pool);
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                        () -> checkOffAfter(start, otherPortal, threadId, todos.get(1)), pool);

                assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(200);
                assertThat(workflow.job(jobId).get("stageId").asText()).as("round %d", round)
                        .isEqualTo(stageId(pipeline, 1));
                JsonNode moves = api.get("/jobs/" + jobId + "/moves", workflow.staff).json();
                assertThat(texts(moves, "reason")).as("round %d", round).containsExactly("AUTOMOVE");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int checkOffAfter(CyclicBarrier start, String token, String threadId, String todoId) {
        Api own = Api.onPort(port);
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return own.post("/portal/threads/" + threadId + "/todos/" + todoId + "/done", token, "{}").status();
    }
}

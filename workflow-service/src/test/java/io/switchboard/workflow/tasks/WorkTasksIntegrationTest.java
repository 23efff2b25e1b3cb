package io.switchboard.workflow.tasks;

import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.task;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cloudevents.CloudEvent;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

/** FEATURES.md W6: work tasks, assigned to the practice's points of contact, each change published. */
@SwitchboardIntegrationTest
class WorkTasksIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;
    final UUID primary = UUID.randomUUID();
    final UUID bankContact = UUID.randomUUID();
    final UUID payablesContact = UUID.randomUUID();

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
    }

    @Test
    void assignsANewTaskToThePracticesPrimaryPointOfContactAndPublishesIt() {
        workflow.pointsOfContact(primary, bankContact, payablesContact);

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            JsonNode task = workflow.createTask(task("CUSTOM_REQUEST", client, "Payroll question",
                    "description", "Who is on the payroll since March?", "dueDate", "2026-12-31"));

            assertThat(task.get("assigneeUserId").asText()).isEqualTo(primary.toString());
            assertThat(task.get("extraContactUserId").isNull()).isTrue();
            assertThat(task.get("status").asText()).isEqualTo("OPEN");
            assertThat(task.get("dueDate").asText()).isEqualTo("2026-12-31");
            String taskId = task.get("id").asText();
            CloudEvent event = probe.awaitEvent(e -> taskId.equals(e.getSubject()));
            assertThat(event.getType()).isEqualTo("switchboard.workflow.task.assigned.v1");
            assertThat(probe.records().stream().filter(r -> taskId.equals(r.key())).count()).isEqualTo(1);
            JsonNode data = Events.data(event);
            assertThat(data.get("assigneeUserId").asText()).isEqualTo(primary.toString());
            assertThat(data.get("previousAssigneeUserId").isNull()).isTrue();
            assertThat(data.get("dueDate").asText()).isEqualTo("2026-12-31");
            assertThat(data.get("link").asText()).endsWith("/workflow/tasks/" + taskId);
        }
    }

    @Test
    void bankStatementAndAccountsPayableTasksGetTheirExtraContact() {
        workflow.pointsOfContact(primary, bankContact, payablesContact);

        JsonNode statements = workflow.createTask(task("DOCUMENT_UPLOAD_REQUEST", client, "March statements",
                "category", "BANK_STATEMENTS", "folder", "Bank Statements/2026"));
        JsonNode payables = workflow.createTask(task("CUSTOM_REQUEST", client, "Unpaid bills",
                "category", "ACCOUNTS_PAYABLE"));

        assertThat(statements.get("assigneeUserId").asText()).isEqualTo(primary.toString());
        assertThat(statements.get("extraContactUserId").asText()).isEqualTo(bankContact.toString());
        assertThat(statements.get("folder").asText()).isEqualTo("Bank Statements/2026");
        assertThat(payables.get("extraContactUserId").asText()).isEqualTo(payablesContact.toString());
    }

    @Test
    void aClientsOwnPrimaryContactOverridesThePracticesAndAnExplicitAssigneeWins() {
        workflow.pointsOfContact(primary, bankContact, null);
        UUID clientsAccountant = UUID.randomUUID();
        Map<String, Object> override = new java.util.HashMap<>();
        override.put("primaryUserId", clientsAccountant.toString());
        assertThat(api.put("/clients/" + client + "/points-of-contact", workflow.admin, override).status()).isEqualTo(200);

        JsonNode byDefault = workflow.createTask(task("BANK_FEED_CONNECTION_REQUEST", client, "Reconnect the feed",
                "category", "BANK_STATEMENTS"));
        UUID chosen = UUID.randomUUID();
        JsonNode explicit = workflow.createTask(task("CUSTOM_REQUEST", client, "Anything", "assigneeUserId",
                chosen.toString()));

        assertThat(byDefault.get("assigneeUserId").asText()).isEqualTo(clientsAccountant.toString());
        assertThat(byDefault.get("extraContactUserId").asText()).isEqualTo(bankContact.toString());
        assertThat(explicit.get("assigneeUserId").asText()).isEqualTo(chosen.toString());
    }

    @Test
    void reassigningPublishesTheNewAndThePreviousAssignee() {
        workflow.pointsOfContact(primary, null, null);
        String taskId = workflow.createTask(task("CUSTOM_REQUEST", client, "Question")).get("id").asText();
        UUID next = UUID.randomUUID();

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response reassigned = api.put("/tasks/" + taskId + "/assignee", workflow.staff,
                    Map.of("assigneeUserId", next.toString()));

            assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
            JsonNode data = Events.data(probe.awaitEvent(e -> taskId.equals(e.getSubject())
                    && next.toString().equals(Events.data(e).get("assigneeUserId").asText())));
            assertThat(data.get("previousAssigneeUserId").asText()).isEqualTo(primary.toString());
        }
    }

    @Test
    void aTaskOnAJobBelongsToTheJobsClientAndStaffCancelIt() {
        workflow.pointsOfContact(primary, null, null);
        JsonNode pipeline = workflow.createPipeline("Tasks " + UUID.randomUUID(), stage("Start", false));
        String jobId = workflow.createJob(pipeline, client).get("id").asText();

        Map<String, Object> onJob = task("CUSTOM_REQUEST", client, "Sign the engagement letter");
        onJob.remove("clientId");
        onJob.put("jobId", jobId);
        JsonNode task = workflow.createTask(onJob);
        assertThat(task.get("clientId").asText()).isEqualTo(client.toString());
        assertThat(texts(api.get("/tasks?jobId=" + jobId, workflow.staff).json(), "id"))
                .containsExactly(task.get("id").asText());

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            String taskId = task.get("id").asText();
            Api.Response cancelled = api.post("/tasks/" + taskId + "/status", workflow.staff, Map.of("status", "CANCELLED"));

            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            JsonNode data = Events.data(probe.awaitEvent(
                    e -> taskId.equals(e.getSubject()) && e.getType().endsWith("task.status.changed.v1")));
            assertThat(data.get("fromStatus").asText()).isEqualTo("OPEN");
            assertThat(data.get("toStatus").asText()).isEqualTo("CANCELLED");
            assertThat(data.get("jobId").asText()).isEqualTo(jobId);
            assertThat(api.post("/tasks/" + taskId + "/status", workflow.staff, Map.of("status", "COMPLETED")).status())
                    .isEqualTo(409);
        }
    }

    @Test
    void refusesInvalidTasksAndStoresNothing() {
        Api.Response noPrimary = api.post("/tasks", workflow.staff, task("CUSTOM_REQUEST", client, "Question"));
        assertThat(noPrimary.status()).isEqualTo(400);
        assertThat(texts(noPrimary.json().get("errors"), "field")).containsExactly("assigneeUserId");

        workflow.pointsOfContact(primary, null, null);
        Api.Response blank = api.post("/tasks", workflow.staff, Map.of("clientId", client.toString(), "title", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(texts(blank.json().get("errors"), "field")).contains("type", "title");
        Api.Response noFolder = api.post("/tasks", workflow.staff, task("DOCUMENT_UPLOAD_REQUEST", client, "Statements"));
        assertThat(texts(noFolder.json().get("errors"), "field")).containsExactly("folder");
        Api.Response escaping = api.post("/tasks", workflow.staff,
                task("DOCUMENT_UPLOAD_REQUEST", client, "Statements", "folder", "../../etc"));
        assertThat(escaping.status()).isEqualTo(400);
        Api.Response unknownType = api.post("/tasks", workflow.staff, task("PIGEON_REQUEST", client, "Coo"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.contentType()).startsWith("application/problem+json");
        Api.Response foreignJob = api.post("/tasks", workflow.staff,
                Map.of("type", "CUSTOM_REQUEST", "jobId", UUID.randomUUID().toString(), "title", "Orphan"));
        assertThat(texts(foreignJob.json().get("errors"), "field")).containsExactly("jobId");

        assertThat(api.get("/tasks?clientId=" + client, workflow.staff).json().size()).isZero();
    }

    @Test
    void anotherPracticesTaskIsNotFoundAndAnotherClientsPortalUserSeesNothing() {
        workflow.pointsOfContact(primary, null, null);
        String taskId = workflow.createTask(task("CUSTOM_REQUEST", client, "Private")).get("id").asText();
        String ownPortal = workflow.portalUser(client);
        String neighbour = workflow.portalUser(workflow.client("Bart Simpson"));
        String otherPractice = TestTokens.staff(UUID.randomUUID());

        assertThat(api.get("/tasks/" + taskId, otherPractice).status()).isEqualTo(404);
        assertThat(api.post("/tasks/" + taskId + "/status", otherPractice, Map.of("status", "CANCELLED")).status())
                .isEqualTo(404);
        assertThat(api.get("/portal/tasks/" + taskId, ownPortal).status()).isEqualTo(200);
        assertThat(texts(api.get("/portal/tasks", ownPortal).json(), "id")).containsExactly(taskId);
        Api.Response foreign = api.get("/portal/tasks/" + taskId, neighbour);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/portal/tasks/" + taskId + "/response", neighbour, Map.of("text", "Mine now")).status())
                .isEqualTo(404);
        assertThat(api.get("/portal/tasks", neighbour).json().size()).isZero();
        assertThat(api.get("/tasks", TestTokens.user(workflow.practice, UUID.randomUUID(), Role.CLIENT)).status())
                .isEqualTo(403);
        assertThat(workflow.task(taskId).get("responseText").isNull()).isTrue();
    }

    @Test
    void theClientConnectsTheBankFeedAndAnswersACustomRequest() {
        workflow.pointsOfContact(primary, null, null);
        String portal = workflow.portalUser(client);
        String feed = workflow.createTask(task("BANK_FEED_CONNECTION_REQUEST", client, "Reconnect")).get("id").asText();
        String custom = workflow.createTask(task("CUSTOM_REQUEST", client, "Payroll")).get("id").asText();

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response connected = api.post("/portal/tasks/" + feed + "/bank-feed", portal,
                    Map.of("bankName", "First National Bank"));
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            assertThat(connected.json().get("status").asText()).isEqualTo("COMPLETED");
            assertThat(connected.json().get("bankFeed").get("bankName").asText()).isEqualTo("First National Bank");
            assertThat(connected.json().get("bankFeed").get("connectedAt").isNull()).isFalse();
            JsonNode responded = Events.data(probe.awaitEvent(
                    e -> feed.equals(e.getSubject()) && e.getType().endsWith("task.responded.v1")));
            assertThat(responded.get("responseKind").asText()).isEqualTo("BANK_FEED_CONNECTED");
            assertThat(responded.get("bankName").asText()).isEqualTo("First National Bank");
            assertThat(responded.get("assigneeUserId").asText()).isEqualTo(primary.toString());

            Api.Response answered = api.post("/portal/tasks/" + custom + "/response", portal,
                    Map.of("text", "Two people since March."));
            assertThat(answered.json().get("status").asText()).isEqualTo("IN_PROGRESS");
            Api.Response completed = api.post("/portal/tasks/" + custom + "/complete", portal, "{}");
            assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
            JsonNode done = Events.data(probe.awaitEvent(e -> custom.equals(e.getSubject())
                    && "COMPLETED".equals(Events.data(e).path("toStatus").asText())));
            assertThat(done.get("changedByParty").asText()).isEqualTo("CLIENT");
        }
        assertThat(api.post("/portal/tasks/" + feed + "/bank-feed", portal, Map.of("bankName", "Again")).status())
                .isEqualTo(409);
    }
}

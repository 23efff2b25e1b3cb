package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Workflow end to end (FEATURES.md W1–W7) across workflow-service, the notifier and the integration
 * service's vault, every one its own process behind the gateway: a job entering a stage messages the client
 * with to-dos, the client checks them off and the job moves on by itself; a comment's @accountant reaches
 * that person; a client's credential is sealed in the vault and never lands anywhere else.
 */
class WorkflowE2eTest {

    static Api api;
    static ConnectedPractice practice;
    static String clientId;
    static UUID portalUser;

    @BeforeAll
    static void aPracticeWithAClientOnThePortal() throws Exception {
        api = gateway();
        practice = connectedPractice();
        Api.Response client = api.post("/api/register/clients", practice.staff(),
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example"));
        clientId = client.json().get("id").asText();
        Practices.awaitWorkflowKnowsClient(practice, clientId);
        portalUser = UUID.randomUUID();
        Api.Response registered = api.post("/api/workflow/clients/" + clientId + "/portal-users", practice.staff(),
                Map.of("userId", portalUser, "email", "linh@nguyen.example", "displayName", "Linh Nguyen"));
        assertThat(registered.status()).as(registered.body()).isIn(200, 201);
    }

    static String portal() {
        return TestTokens.user(practice.id(), portalUser, Role.CLIENT);
    }

    @Test
    void aJobEnteringStageTwoMessagesTheClientWithToDosAndMovesOnByItselfWhenTheLastIsDone() {
        Api.Response pipeline = api.post("/api/workflow/pipelines", practice.admin(), Map.of("name", "Tax return",
                "stages", List.of(
                        Map.of("name", "Intake", "automove", false),
                        Map.of("name", "Documents", "automove", true, "automation", Map.of("mode", "NEW_THREAD",
                                "newTemplate", Map.of("name", "Documents please", "subject", "Your tax return",
                                        "body", "Please send us the following.",
                                        "todos", List.of("PAYG summary", "Bank interest", "Private health statement")))),
                        Map.of("name", "Preparation", "automove", false))));
        assertThat(pipeline.status()).as(pipeline.body()).isEqualTo(201);
        List<String> stages = pipeline.json().get("stages").valueStream().map(s -> s.get("id").asText()).toList();
        Api.Response job = api.post("/api/workflow/jobs", practice.staff(), Map.of("pipelineId",
                pipeline.json().get("id").asText(), "clientId", clientId, "clientName", "Linh Nguyen", "title", "2026 return"));
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        String jobId = job.json().get("id").asText();

        Api.Response moved = api.post("/api/workflow/jobs/" + jobId + "/moves", practice.staff(), Map.of("toStageId", stages.get(1)));
        assertThat(moved.status()).as(moved.body()).isIn(200, 201);

        JsonNode thread = Awaitility.await("the client's thread").atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/workflow/portal/threads", portal()).json(), t -> t.size() >= 1).get(0);
        JsonNode details = api.get("/api/workflow/portal/threads/" + thread.get("id").asText(), portal()).json();
        List<String> todos = details.findValues("todos").get(0).valueStream().map(t -> t.get("id").asText()).toList();
        assertThat(todos).hasSize(3);
        for (String todo : todos) {
            Api.Response done = api.post("/api/workflow/portal/threads/" + thread.get("id").asText() + "/todos/" + todo
                    + "/done", portal(), "");
            assertThat(done.status()).as(done.body()).isIn(200, 204);
        }

        JsonNode after = api.get("/api/workflow/jobs/" + jobId, practice.staff()).json();
        assertThat(after.toString()).contains(stages.get(2));
        JsonNode moves = api.get("/api/workflow/jobs/" + jobId + "/moves", practice.staff()).json();
        assertThat(moves.toString()).contains("AUTOMOVE");
        // The client heard about the thread by email, through the notifier.
        Awaitility.await("the client's email").atMost(Duration.ofSeconds(30)).until(() -> Stack.get().sandbox.mails()
                .stream().anyMatch(m -> m.to().contains("linh@nguyen.example") && m.text().contains("PAYG summary")
                        || m.to().contains("linh@nguyen.example") && m.subject().contains("Your tax return")));
    }

    @Test
    void aCommentMentioningAccountantReachesThePersonInTheirInboxAndInThePracticesChosenChannel() {
        Api.Response setting = api.put("/api/integrations/settings/TASKS/TASK_MENTION", practice.admin(),
                Map.of("defaultProvider", "SLACK", "channelId", practice.frontDesk()));
        assertThat(setting.status()).as(setting.body()).isEqualTo(200);
        Api.Response assigned = api.put("/api/workflow/role-assignments/accountant", practice.admin(),
                Map.of("userIds", List.of(practice.samId())));
        assertThat(assigned.status()).as(assigned.body()).isIn(200, 204);
        Api.Response task = api.post("/api/workflow/tasks", practice.staff(), Map.of("type", "CUSTOM_REQUEST",
                "clientId", clientId, "title", "Confirm the home office hours", "assigneeUserId", practice.samId()));
        assertThat(task.status()).as(task.body()).isEqualTo(201);

        Api.Response comment = api.post("/api/workflow/tasks/" + task.json().get("id").asText() + "/comments",
                practice.admin(), Map.of("body", "@accountant can you check this?",
                        "mentions", List.of(Map.of("kind", "ROLE", "role", "accountant"))));

        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        String sam = TestTokens.user(practice.id(), practice.samId(), Role.STAFF);
        Awaitility.await("Sam's inbox").atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/notifications/inbox", sam).json().get("items").valueStream()
                        .anyMatch(i -> i.toString().contains("accountant")));
        Awaitility.await("#front-desk mentions Sam").atMost(Duration.ofSeconds(30)).until(() ->
                Stack.get().sandbox.slack().messages(practice.teamId(), practice.frontDesk()).stream()
                        .anyMatch(m -> m.blocks().toString().contains("<@" + practice.samSlackId() + ">")));
    }

    @Test
    void aClientsCredentialIsSealedInTheVaultAndOnlyAnAuditedReadShowsIt() throws Exception {
        String secret = Leaks.used("ato-pass-" + UUID.randomUUID());
        Api.Response task = api.post("/api/workflow/tasks", practice.admin(), Map.of("type", "CREDENTIAL_REQUEST",
                "clientId", clientId, "title", "ATO portal login", "assigneeUserId", practice.samId()));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        String taskId = task.json().get("id").asText();

        Api.Response submitted = api.post("/api/workflow/portal/tasks/" + taskId + "/credential", portal(),
                Map.of("username", "linh.nguyen", "secret", secret));
        assertThat(submitted.status()).as(submitted.body()).isIn(200, 201);
        assertThat(submitted.body()).doesNotContain(secret);
        assertThat(api.get("/api/workflow/tasks/" + taskId, practice.admin()).json().get("status").asText())
                .isEqualTo("COMPLETED");

        Api.Response revealed = api.post("/api/workflow/tasks/" + taskId + "/credential/reveal", practice.admin(), "");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.body()).contains(secret);
        assertThat(api.get("/api/workflow/tasks/" + taskId + "/credential/accesses", practice.admin()).json()).hasSize(1);
        assertThat(api.post("/api/workflow/tasks/" + taskId + "/credential/reveal", practice.staff(), "").status())
                .isEqualTo(403);
        // Nowhere in workflow's tables or outbox, and sealed in the vault's.
        try (Connection db = Stack.get().jdbc()) {
            assertThat(Leaks.occurrences(db, "workflow", secret)).isZero();
            assertThat(Leaks.occurrences(db, "integration", secret)).isZero();
        }
    }
}

package io.switchboard.workflow.tasks;

import static io.switchboard.workflow.testsupport.WorkflowMother.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.Events;
import io.switchboard.workflow.testsupport.VaultStandIn;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

/**
 * FEATURES.md W6 and P7: a client's credential goes to integration-service's vault (played here by
 * {@link VaultStandIn}); the task keeps a reference, and the secret appears in no response, event,
 * log line or row of ours. Reading it back is for admins and the assignee, and is audited.
 */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CredentialRequestIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WorkflowMother workflow;
    Api api;
    UUID client;
    final UUID assignee = UUID.randomUUID();
    final String secret = "Tax-Portal-" + UUID.randomUUID();
    String portal;
    String taskId;

    @BeforeEach
    void credentialRequest() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        workflow.pointsOfContact(assignee, null, null);
        portal = workflow.portalUser(client);
        taskId = workflow.createTask(task("CREDENTIAL_REQUEST", client, "IRS e-Services password")).get("id").asText();
    }

    @Test
    void submittedCredentialReachesTheVaultAndAppearsInNoResponseEventLogOrRow(CapturedOutput output) {
        List<String> bodies;
        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response submitted = api.post("/portal/tasks/" + taskId + "/credential", portal,
                    Map.of("username", "lisa.simpson", "secret", secret));

            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            assertThat(submitted.json().get("status").asText()).isEqualTo("COMPLETED");
            assertThat(submitted.json().get("credential").get("submitted").asBoolean()).isTrue();
            probe.awaitEvent(e -> taskId.equals(e.getSubject())
                    && "COMPLETED".equals(Events.data(e).path("toStatus").asText()));
            JsonNode responded = Events.data(probe.awaitEvent(
                    e -> taskId.equals(e.getSubject()) && e.getType().endsWith("task.responded.v1")));
            assertThat(responded.get("responseKind").asText()).isEqualTo("CREDENTIAL_SUBMITTED");
            bodies = probe.records().stream().filter(r -> taskId.equals(r.key()))
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            assertThat(bodies).hasSizeGreaterThanOrEqualTo(2);
            bodies.forEach(body -> assertThat(body).doesNotContain(secret));
            assertThat(submitted.body()).doesNotContain(secret);
        }

        List<VaultStandIn.Received> received = VaultStandIn.receivedFor(workflow.practice);
        assertThat(received).hasSize(1);
        VaultStandIn.Received stored = received.get(0);
        assertThat(stored.method()).isEqualTo("POST");
        assertThat(stored.path()).isEqualTo("/internal/practices/" + workflow.practice + "/secrets");
        assertThat(scopeOf(stored.authorization())).isEqualTo("internal");
        assertThat(stored.json().get("secret").asText()).isEqualTo(secret);
        assertThat(stored.json().get("username").asText()).isEqualTo("lisa.simpson");
        assertThat(stored.json().get("taskId").asText()).isEqualTo(taskId);
        assertThat(stored.json().get("clientId").asText()).isEqualTo(client.toString());

        assertThat(workflow.task(taskId).toString()).doesNotContain(secret);
        assertThat(api.get("/portal/tasks/" + taskId, portal).body()).doesNotContain(secret);
        String row = jdbc.sql("select cast(t as text) from work_task t where id = :id").param("id", UUID.fromString(taskId))
                .query(String.class).single();
        assertThat(row).doesNotContain(secret).contains("sec_");
        assertThat(jdbc.sql("select count(*) from outbox_event where cast(data as text) like :secret")
                .param("secret", "%" + secret + "%").query(Long.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void theAssigneeAndAdminsReadTheCredentialThroughTheVaultAndEveryReadIsAudited(CapturedOutput output) {
        api.post("/portal/tasks/" + taskId + "/credential", portal, Map.of("secret", secret));
        UUID admin = UUID.randomUUID();

        Api.Response byAssignee = api.post("/tasks/" + taskId + "/credential/reveal", workflow.staffToken(assignee), "{}");
        Api.Response byAdmin = api.post("/tasks/" + taskId + "/credential/reveal", workflow.adminToken(admin), "{}");

        assertThat(byAssignee.status()).as(byAssignee.body()).isEqualTo(200);
        assertThat(byAssignee.json().get("secret").asText()).isEqualTo(secret);
        assertThat(byAssignee.header("Cache-Control")).contains("no-store");
        assertThat(byAdmin.json().get("secret").asText()).isEqualTo(secret);
        List<VaultStandIn.Received> reads = VaultStandIn.receivedFor(workflow.practice).stream()
                .filter(r -> r.method().equals("GET")).toList();
        assertThat(reads).extracting(VaultStandIn.Received::actor).containsExactly(assignee.toString(), admin.toString());
        JsonNode audit = api.get("/tasks/" + taskId + "/credential/accesses", workflow.admin).json();
        assertThat(WorkflowMother.texts(audit, "userId")).containsExactly(assignee.toString(), admin.toString());
        assertThat(audit.get(0).get("accessedAt").isNull()).isFalse();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void staffWhoAreNeitherAdminNorAssigneeCannotReadTheCredentialNorAnotherPractice() {
        api.post("/portal/tasks/" + taskId + "/credential", portal, Map.of("secret", secret));

        Api.Response colleague = api.post("/tasks/" + taskId + "/credential/reveal", workflow.staff, "{}");
        Api.Response otherPractice = api.post("/tasks/" + taskId + "/credential/reveal",
                TestTokens.admin(UUID.randomUUID()), "{}");
        Api.Response client = api.post("/tasks/" + taskId + "/credential/reveal", portal, "{}");

        assertThat(colleague.status()).isEqualTo(403);
        assertThat(colleague.contentType()).startsWith("application/problem+json");
        assertThat(otherPractice.status()).isEqualTo(404);
        assertThat(client.status()).isEqualTo(403);
        assertThat(colleague.body() + otherPractice.body() + client.body()).doesNotContain(secret);
        assertThat(VaultStandIn.receivedFor(workflow.practice)).extracting(VaultStandIn.Received::method)
                .containsExactly("POST");
        assertThat(api.get("/tasks/" + taskId + "/credential/accesses", workflow.admin).json().size()).isZero();
        assertThat(api.get("/tasks/" + taskId + "/credential/accesses", workflow.staff).status()).isEqualTo(403);
    }

    @Test
    void refusesABlankSecretAndAnotherClientsPortalUserAndStoresNothing() {
        Api.Response blank = api.post("/portal/tasks/" + taskId + "/credential", portal, Map.of("secret", " "));
        Api.Response neighbour = api.post("/portal/tasks/" + taskId + "/credential",
                workflow.portalUser(workflow.client("Bart Simpson")), Map.of("secret", secret));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(neighbour.status()).isEqualTo(404);
        assertThat(VaultStandIn.receivedFor(workflow.practice)).isEmpty();
        assertThat(workflow.task(taskId).get("credential").get("submitted").asBoolean()).isFalse();
        assertThat(workflow.task(taskId).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anUnavailableVaultAnswers503AndLeavesTheTaskOpen(CapturedOutput output) {
        VaultStandIn.downFor(workflow.practice);

        Api.Response submitted = api.post("/portal/tasks/" + taskId + "/credential", portal, Map.of("secret", secret));

        assertThat(submitted.status()).isEqualTo(503);
        assertThat(submitted.contentType()).startsWith("application/problem+json");
        assertThat(submitted.body()).doesNotContain(secret);
        assertThat(VaultStandIn.receivedFor(workflow.practice)).hasSize(1);
        JsonNode task = workflow.task(taskId);
        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(task.get("credential").get("submitted").asBoolean()).isFalse();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    private static String scopeOf(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        JsonNode claims = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Base64.getUrlDecoder().decode(payload));
        return claims.get("scope").asText();
    }
}

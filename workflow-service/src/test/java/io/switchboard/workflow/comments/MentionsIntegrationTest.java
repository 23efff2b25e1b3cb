package io.switchboard.workflow.comments;

import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.task;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * FEATURES.md W7: comments on jobs and tasks with @role and @user mentions; every person a comment
 * reaches gets exactly one mention event, and a mention that reaches nobody is reported.
 */
@SwitchboardIntegrationTest
class MentionsIntegrationTest {

    static final String MENTION = "switchboard.workflow.task.mention.v1";

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;
    UUID client;
    final UUID sam = UUID.randomUUID();
    final UUID alex = UUID.randomUUID();
    final UUID kim = UUID.randomUUID();
    String taskId;

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        client = workflow.client("Lisa Simpson");
        api = workflow.api;
        workflow.pointsOfContact(sam, null, null);
        workflow.assignRole("accountant", sam, alex);
        workflow.assignRole("deployment", kim);
        taskId = workflow.createTask(task("CUSTOM_REQUEST", client, "Payroll")).get("id").asText();
    }

    static Map<String, Object> role(String role) {
        return Map.of("kind", "ROLE", "role", role);
    }

    static Map<String, Object> user(UUID userId) {
        return Map.of("kind", "USER", "userId", userId.toString());
    }

    @Test
    void roleAndUserMentionsPublishOneEventPerPersonReached() {
        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response posted = api.post("/tasks/" + taskId + "/comments", workflow.staff, Map.of(
                    "body", "@accountant @Alex please check the payroll figures with @deployment",
                    "mentions", List.of(role("accountant"), user(alex), role("deployment"))));

            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String commentId = posted.json().get("id").asText();
            assertThat(posted.json().get("unreached").size()).isZero();
            assertThat(posted.json().get("mentions").get(0).get("reached").size()).isEqualTo(2);
            // A later event with the same key arrives after every earlier one: then the count is final.
            Api.Response marker = api.post("/tasks/" + taskId + "/comments", workflow.staff,
                    Map.of("body", "@Sam fyi", "mentions", List.of(user(sam))));
            String markerId = marker.json().get("id").asText();
            probe.awaitEvent(e -> MENTION.equals(e.getType()) && markerId.equals(Events.data(e).get("commentId").asText()));

            List<JsonNode> mentions = probe.events().stream().filter(e -> MENTION.equals(e.getType()))
                    .map(Events::data).filter(d -> commentId.equals(d.get("commentId").asText())).toList();
            assertThat(mentions).extracting(d -> d.get("mentionedUserId").asText())
                    .containsExactlyInAnyOrder(sam.toString(), alex.toString(), kim.toString());
            JsonNode toAlex = mentions.stream().filter(d -> alex.toString().equals(d.get("mentionedUserId").asText()))
                    .findFirst().orElseThrow();
            assertThat(toAlex.get("mentionKind").asText()).isEqualTo("ROLE");
            assertThat(toAlex.get("role").asText()).isEqualTo("accountant");
            assertThat(toAlex.get("targetKind").asText()).isEqualTo("TASK");
            assertThat(toAlex.get("targetId").asText()).isEqualTo(taskId);
            assertThat(toAlex.get("clientId").asText()).isEqualTo(client.toString());
            assertThat(toAlex.get("excerpt").asText()).startsWith("@accountant @Alex please check");
            assertThat(toAlex.get("mentionedByParty").asText()).isEqualTo("PRACTICE");
            assertThat(toAlex.get("link").asText()).endsWith("/workflow/tasks/" + taskId);
        }
    }

    @Test
    void aRoleNobodyHoldsIsReportedAsUnreachedAndTheCommentIsStillSaved() {
        Api.Response posted = api.post("/tasks/" + taskId + "/comments", workflow.staff, Map.of(
                "body", "@payroll-team and @deployment, over to you",
                "mentions", List.of(role("payroll-team"), role("Deployment"))));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode unreached = posted.json().get("unreached");
        assertThat(unreached.size()).isEqualTo(1);
        assertThat(unreached.get(0).get("role").asText()).isEqualTo("payroll-team");
        assertThat(posted.json().get("mentions").get(1).get("reached").get(0).asText()).isEqualTo(kim.toString());
        JsonNode saved = api.get("/tasks/" + taskId + "/comments", workflow.staff).json();
        assertThat(texts(saved, "body")).containsExactly("@payroll-team and @deployment, over to you");
        assertThat(saved.get(0).get("unreached").get(0).get("role").asText()).isEqualTo("payroll-team");
    }

    @Test
    void aPortalUserMentionsTheirAccountantOnTheirOwnClientsTask() {
        String portal = workflow.portalUser(client);

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response posted = api.post("/portal/tasks/" + taskId + "/comments", portal,
                    Map.of("body", "@accountant which months do you need?", "mentions", List.of(role("accountant"))));

            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String commentId = posted.json().get("id").asText();
            CloudEvent event = probe.awaitEvent(e -> MENTION.equals(e.getType())
                    && commentId.equals(Events.data(e).get("commentId").asText()));
            assertThat(event.getSubject()).isEqualTo(taskId);
            assertThat(Events.data(event).get("mentionedByParty").asText()).isEqualTo("CLIENT");
        }
        assertThat(texts(api.get("/portal/tasks/" + taskId + "/comments", portal).json(), "body"))
                .containsExactly("@accountant which months do you need?");
        assertThat(api.post("/portal/tasks/" + taskId + "/comments", portal,
                Map.of("body", "@Sam", "mentions", List.of(user(sam)))).status()).isEqualTo(400);
    }

    @Test
    void anotherClientsPortalUserAndAnotherPracticeCannotCommentOrRead() {
        String neighbour = workflow.portalUser(workflow.client("Bart Simpson"));
        String otherPractice = TestTokens.staff(UUID.randomUUID());

        assertThat(api.post("/portal/tasks/" + taskId + "/comments", neighbour, Map.of("body", "Hello")).status())
                .isEqualTo(404);
        assertThat(api.get("/portal/tasks/" + taskId + "/comments", neighbour).status()).isEqualTo(404);
        assertThat(api.post("/tasks/" + taskId + "/comments", otherPractice, Map.of("body", "Hello")).status())
                .isEqualTo(404);
        assertThat(api.get("/tasks/" + taskId + "/comments", workflow.staff).json().size()).isZero();
    }

    @Test
    void staffMentionAColleagueOnAJob() {
        JsonNode pipeline = workflow.createPipeline("Comments " + UUID.randomUUID(), stage("Start", false));
        String jobId = workflow.createJob(pipeline, client).get("id").asText();

        try (KafkaProbe probe = KafkaProbe.on("workflow.task.v1")) {
            Api.Response posted = api.post("/jobs/" + jobId + "/comments", workflow.staff,
                    Map.of("body", "@Kim can you review this return?", "mentions", List.of(user(kim))));

            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            JsonNode data = Events.data(probe.awaitEvent(e -> MENTION.equals(e.getType()) && jobId.equals(e.getSubject())));
            assertThat(data.get("targetKind").asText()).isEqualTo("JOB");
            assertThat(data.get("mentionedUserId").asText()).isEqualTo(kim.toString());
            assertThat(data.get("mentionKind").asText()).isEqualTo("USER");
            assertThat(data.get("role").isNull()).isTrue();
            assertThat(data.get("link").asText()).endsWith("/workflow/jobs/" + jobId);
        }
        assertThat(api.get("/jobs/" + jobId + "/comments", workflow.staff).json().size()).isEqualTo(1);
        assertThat(api.post("/jobs/" + jobId + "/comments", workflow.portalUser(client), Map.of("body", "Hi")).status())
                .isEqualTo(403);
    }

    @Test
    void refusesInvalidCommentsAndMentionsAndStoresNothing() {
        Api.Response blank = api.post("/tasks/" + taskId + "/comments", workflow.staff, Map.of("body", " "));
        Api.Response roleWithoutName = api.post("/tasks/" + taskId + "/comments", workflow.staff,
                Map.of("body", "@", "mentions", List.of(Map.of("kind", "ROLE"))));
        Api.Response badRole = api.post("/tasks/" + taskId + "/comments", workflow.staff,
                Map.of("body", "@x", "mentions", List.of(role("Robert'); drop table--"))));
        Api.Response userWithoutId = api.post("/tasks/" + taskId + "/comments", workflow.staff,
                Map.of("body", "@x", "mentions", List.of(Map.of("kind", "USER"))));
        Api.Response unknownKind = api.post("/tasks/" + taskId + "/comments", workflow.staff,
                Map.of("body", "@x", "mentions", List.of(Map.of("kind", "TEAM", "role", "x"))));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(texts(blank.json().get("errors"), "field")).containsExactly("body");
        assertThat(texts(roleWithoutName.json().get("errors"), "field")).containsExactly("mentions[0].role");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(texts(userWithoutId.json().get("errors"), "field")).containsExactly("mentions[0].userId");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(api.get("/tasks/" + taskId + "/comments", workflow.staff).json().size()).isZero();
        assertThat(api.put("/role-assignments/Not%20A%20Role", workflow.admin, Map.of("userIds", List.of())).status())
                .isEqualTo(400);
        assertThat(api.put("/role-assignments/accountant", workflow.staff, Map.of("userIds", List.of())).status())
                .isEqualTo(403);
    }
}

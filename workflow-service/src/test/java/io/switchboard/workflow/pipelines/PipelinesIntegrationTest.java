package io.switchboard.workflow.pipelines;

import static io.switchboard.workflow.testsupport.WorkflowMother.sends;
import static io.switchboard.workflow.testsupport.WorkflowMother.sendsNew;
import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.stageId;
import static io.switchboard.workflow.testsupport.WorkflowMother.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class PipelinesIntegrationTest {

    @LocalServerPort
    int port;

    WorkflowMother workflow;
    Api api;

    @BeforeEach
    void practice() {
        workflow = new WorkflowMother(port);
        api = workflow.api;
    }

    @Test
    void adminCreatesAPipelineWithOrderedStagesAndAnAutomationWhoseTemplateIsCreatedInline() {
        String existing = workflow.createTemplate("Welcome", "Welcome aboard", "We have started.");

        JsonNode pipeline = workflow.createPipeline("Tax returns",
                stage("Welcome", false, sends("NEW_THREAD", existing)),
                stage("Documents requested", true, sendsNew("REPLY_TO_LATEST", "Documents", "Please upload",
                        "Payment summary", "Bank statements")),
                stage("In preparation", false));

        assertThat(texts(pipeline.get("stages"), "name")).containsExactly("Welcome", "Documents requested", "In preparation");
        assertThat(pipeline.get("stages").get(0).get("automation").get("templateId").asText()).isEqualTo(existing);
        JsonNode automation = pipeline.get("stages").get(1).get("automation");
        assertThat(automation.get("mode").asText()).isEqualTo("REPLY_TO_LATEST");
        assertThat(pipeline.get("stages").get(1).get("automove").asBoolean()).isTrue();
        JsonNode inline = api.get("/message-templates/" + automation.get("templateId").asText(), workflow.staff).json();
        assertThat(inline.get("todos").valueStream().map(JsonNode::asText).toList())
                .containsExactly("Payment summary", "Bank statements");
        assertThat(pipeline.get("stages").get(2).get("automation").isNull()).isTrue();
    }

    @Test
    void adminAddsRenamesReordersAndRemovesStages() {
        JsonNode pipeline = workflow.createPipeline("Bookkeeping", stage("Intake", false), stage("Done", false));
        String id = pipeline.get("id").asText();

        JsonNode added = api.post("/pipelines/" + id + "/stages", workflow.admin,
                Map.of("stage", stage("Review", true), "position", 1)).json();
        assertThat(texts(added.get("stages"), "name")).containsExactly("Intake", "Review", "Done");

        String review = stageId(added, 1);
        JsonNode renamed = api.put("/pipelines/" + id + "/stages/" + review, workflow.admin,
                stage("Partner review", true, sendsNew("NEW_THREAD", "Review", "We are reviewing."))).json();
        assertThat(texts(renamed.get("stages"), "name")).containsExactly("Intake", "Partner review", "Done");
        assertThat(renamed.get("stages").get(1).get("automation").get("mode").asText()).isEqualTo("NEW_THREAD");

        JsonNode reordered = api.put("/pipelines/" + id + "/stage-order", workflow.admin,
                Map.of("stageIds", List.of(stageId(renamed, 1), stageId(renamed, 0), stageId(renamed, 2)))).json();
        assertThat(texts(reordered.get("stages"), "name")).containsExactly("Partner review", "Intake", "Done");
        assertThat(texts(reordered.get("stages"), "position")).containsExactly("0", "1", "2");

        Api.Response removed = api.delete("/pipelines/" + id + "/stages/" + stageId(reordered, 1), workflow.admin);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(texts(removed.json().get("stages"), "name")).containsExactly("Partner review", "Done");
        assertThat(texts(removed.json().get("stages"), "position")).containsExactly("0", "1");

        JsonNode renamedPipeline = api.put("/pipelines/" + id, workflow.admin, Map.of("name", "Monthly books")).json();
        assertThat(renamedPipeline.get("name").asText()).isEqualTo("Monthly books");
    }

    @Test
    void refusesToRemoveAStageThatHoldsJobs() {
        JsonNode pipeline = workflow.createPipeline("Payroll", stage("Collect", false), stage("Run", false));
        workflow.createJob(pipeline, workflow.client("Lisa Simpson"));

        Api.Response refused = api.delete("/pipelines/" + pipeline.get("id").asText() + "/stages/"
                + stageId(pipeline, 0), workflow.admin);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("Collect", "jobs");
        assertThat(api.get("/pipelines/" + pipeline.get("id").asText(), workflow.staff).json().get("stages").size())
                .isEqualTo(2);
    }

    @Test
    void refusesReorderingThatDoesNotListEveryStageOnce() {
        JsonNode pipeline = workflow.createPipeline("Audit", stage("A", false), stage("B", false));

        Api.Response refused = api.put("/pipelines/" + pipeline.get("id").asText() + "/stage-order", workflow.admin,
                Map.of("stageIds", List.of(stageId(pipeline, 0), stageId(pipeline, 0))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("stageIds");
    }

    @Test
    void staffReadPipelinesButMayNotEditThem() {
        JsonNode pipeline = workflow.createPipeline("Advisory", stage("Meet", false), stage("Report", false));
        String id = pipeline.get("id").asText();

        assertThat(api.get("/pipelines/" + id, workflow.staff).status()).isEqualTo(200);
        Api.Response create = api.post("/pipelines", workflow.staff, Map.of("name", "Mine", "stages", List.of(stage("X", false))));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(api.put("/pipelines/" + id, workflow.staff, Map.of("name", "Renamed")).status()).isEqualTo(403);
        assertThat(api.post("/pipelines/" + id + "/stages", workflow.staff, Map.of("stage", stage("X", false))).status())
                .isEqualTo(403);
        assertThat(api.delete("/pipelines/" + id + "/stages/" + stageId(pipeline, 1), workflow.staff).status())
                .isEqualTo(403);
        assertThat(api.post("/message-templates", workflow.staff, WorkflowMother.template("T", "S", "B")).status())
                .isEqualTo(403);
        assertThat(api.get("/pipelines", workflow.staff).json().size()).isEqualTo(1);
    }

    @Test
    void anotherPracticesPipelineIsNotFound() {
        JsonNode pipeline = workflow.createPipeline("Private", stage("Only", false));
        String stranger = TestTokens.admin(UUID.randomUUID());
        String id = pipeline.get("id").asText();

        assertThat(api.get("/pipelines/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.put("/pipelines/" + id, stranger, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(api.post("/pipelines/" + id + "/stages", stranger, Map.of("stage", stage("X", false))).status())
                .isEqualTo(404);
        assertThat(api.get("/pipelines", stranger).json().size()).isZero();
        assertThat(api.get("/pipelines/" + id, workflow.staff).json().get("name").asText()).isEqualTo("Private");
    }

    @Test
    void refusesInvalidPipelinesWithTheFieldsAtFaultAndStoresNothing() {
        Api.Response noStages = api.post("/pipelines", workflow.admin, Map.of("name", " ", "stages", List.of()));
        assertThat(noStages.status()).isEqualTo(400);
        assertThat(noStages.contentType()).startsWith("application/problem+json");
        assertThat(texts(noStages.json().get("errors"), "field")).containsExactlyInAnyOrder("name", "stages");

        Api.Response noTemplate = api.post("/pipelines", workflow.admin, Map.of("name", "Broken", "stages",
                List.of(stage("Fine", false), stage("Sends nothing", false, Map.of("mode", "NEW_THREAD")))));
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(noTemplate.json().get("errors").get(0).get("field").asText()).isEqualTo("stages[1].automation.templateId");

        Api.Response foreignTemplate = api.post("/pipelines", workflow.admin, Map.of("name", "Broken", "stages",
                List.of(stage("Sends", false, sends("NEW_THREAD", UUID.randomUUID().toString())))));
        assertThat(foreignTemplate.status()).isEqualTo(400);

        Api.Response inlineThenBroken = api.post("/pipelines", workflow.admin, Map.of("name", "Broken", "stages",
                List.of(stage("Sends", false, sendsNew("NEW_THREAD", "Hi", "Hello")),
                        stage("Bad", false, Map.of("mode", "NEW_THREAD")))));
        assertThat(inlineThenBroken.status()).isEqualTo(400);

        Api.Response badMode = api.post("/pipelines", workflow.admin,
                "{\"name\":\"Broken\",\"stages\":[{\"name\":\"X\",\"automation\":{\"mode\":\"SOMETIMES\"}}]}");
        assertThat(badMode.status()).isEqualTo(400);

        assertThat(api.get("/pipelines", workflow.admin).json().size()).isZero();
        assertThat(api.get("/message-templates", workflow.admin).json().size()).isZero();
    }
}

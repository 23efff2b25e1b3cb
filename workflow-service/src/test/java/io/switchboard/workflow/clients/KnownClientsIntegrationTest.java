package io.switchboard.workflow.clients;

import static io.switchboard.workflow.testsupport.WorkflowMother.stage;
import static io.switchboard.workflow.testsupport.WorkflowMother.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.workflow.testsupport.WorkflowMother;
import tools.jackson.databind.JsonNode;

/**
 * Workflow knows the register's clients only from register.client.v1: every endpoint that names a client answers
 * 404 unless it is an active client of the caller's practice, and stores nothing (issue 5/6 tenant isolation).
 */
@SwitchboardIntegrationTest
class KnownClientsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WorkflowMother practiceA;
    WorkflowMother practiceB;
    UUID clientOfA;

    @BeforeEach
    void twoPractices() {
        practiceA = new WorkflowMother(port);
        practiceB = new WorkflowMother(port);
        clientOfA = practiceA.client("Lisa Simpson");
    }

    @Test
    void anotherPracticesClientIsNotFoundOnEveryEndpointThatNamesAClientAndNothingIsStored() {
        practiceB.pointsOfContact(UUID.randomUUID(), null, null);
        JsonNode pipelineOfB = practiceB.createPipeline("B's pipeline", stage("Start", false));

        Map<String, Api.Response> answers = everyClientEndpoint(practiceB, clientOfA, pipelineOfB);

        answers.forEach((endpoint, response) -> {
            assertThat(response.status()).as(endpoint + ": " + response.body()).isEqualTo(404);
            assertThat(response.contentType()).as(endpoint).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).as(endpoint)
                    .contains("client " + clientOfA + " is not a client of this practice");
        });
        assertNothingStoredFor(practiceB.practice);
    }

    @Test
    void aClientTheRegisterNeverAnnouncedIsNotFound() {
        practiceA.pointsOfContact(UUID.randomUUID(), null, null);
        JsonNode pipeline = practiceA.createPipeline("A's pipeline", stage("Start", false));
        long storedBefore = stored(practiceA.practice);

        everyClientEndpoint(practiceA, UUID.randomUUID(), pipeline).forEach((endpoint, response) ->
                assertThat(response.status()).as(endpoint + ": " + response.body()).isEqualTo(404));
        assertThat(stored(practiceA.practice)).isEqualTo(storedBefore);
    }

    @Test
    void aKnownClientOfThePracticeIsAcceptedOnEveryEndpoint() {
        practiceA.pointsOfContact(UUID.randomUUID(), null, null);
        JsonNode pipeline = practiceA.createPipeline("A's pipeline", stage("Start", false));

        everyClientEndpoint(practiceA, clientOfA, pipeline).forEach((endpoint, response) ->
                assertThat(response.status()).as(endpoint + ": " + response.body()).isIn(200, 201));
        assertThat(practiceA.api.get("/clients/" + clientOfA + "/portal-users", practiceA.staff).json().size())
                .isEqualTo(1);
        assertThat(practiceA.api.get("/threads?clientId=" + clientOfA, practiceA.staff).json().size()).isEqualTo(1);
    }

    @Test
    void aClientTheRegisterArchivedOrDeletedIsNotFoundAfterwards() {
        practiceA.pointsOfContact(UUID.randomUUID(), null, null);
        JsonNode pipeline = practiceA.createPipeline("A's pipeline", stage("Start", false));
        assertThat(practiceA.api.get("/clients/" + clientOfA + "/points-of-contact", practiceA.staff).status())
                .isEqualTo(200);

        practiceA.deleteClient(clientOfA, "Lisa Simpson");

        long storedBefore = stored(practiceA.practice);
        everyClientEndpoint(practiceA, clientOfA, pipeline).forEach((endpoint, response) ->
                assertThat(response.status()).as(endpoint + ": " + response.body()).isEqualTo(404));
        assertThat(stored(practiceA.practice)).isEqualTo(storedBefore);
    }

    /** Calls every endpoint that takes a client id, as the practice's staff (admins where the endpoint needs one). */
    private static Map<String, Api.Response> everyClientEndpoint(WorkflowMother practice, UUID clientId, JsonNode pipeline) {
        Api api = practice.api;
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("PUT points-of-contact", api.put("/clients/" + clientId + "/points-of-contact", practice.admin,
                Map.of("primaryUserId", UUID.randomUUID().toString())));
        answers.put("GET points-of-contact", api.get("/clients/" + clientId + "/points-of-contact", practice.staff));
        answers.put("POST portal-users", api.post("/clients/" + clientId + "/portal-users", practice.staff,
                Map.of("userId", UUID.randomUUID().toString(), "email", "lisa@simpson.example")));
        answers.put("GET portal-users", api.get("/clients/" + clientId + "/portal-users", practice.staff));
        answers.put("POST jobs", api.post("/jobs", practice.staff, Map.of("pipelineId", pipeline.get("id").asText(),
                "clientId", clientId.toString(), "clientName", "Lisa Simpson")));
        answers.put("POST threads", api.post("/threads", practice.staff, Map.of("clientId", clientId.toString(),
                "subject", "Hello", "body", "Hi Lisa", "todos", List.of())));
        answers.put("GET threads", api.get("/threads?clientId=" + clientId, practice.staff));
        answers.put("POST tasks", api.post("/tasks", practice.staff, task("CUSTOM_REQUEST", clientId, "Question")));
        answers.put("GET tasks", api.get("/tasks?clientId=" + clientId, practice.staff));
        return answers;
    }

    private void assertNothingStoredFor(UUID practiceId) {
        assertThat(stored(practiceId)).isZero();
        assertThat(jdbc.sql("select count(*) from point_of_contact where practice_id = :p and client_id <> :wide")
                .param("p", practiceId).param("wide", new UUID(0, 0)).query(Long.class).single()).isZero();
    }

    /** Rows naming a client that the practice holds: jobs, threads, tasks, portal users, client contact overrides. */
    private long stored(UUID practiceId) {
        return jdbc.sql("""
                select (select count(*) from job where practice_id = :p)
                     + (select count(*) from chat_thread where practice_id = :p)
                     + (select count(*) from work_task where practice_id = :p)
                     + (select count(*) from portal_user where practice_id = :p)
                     + (select count(*) from point_of_contact where practice_id = :p and client_id <> :wide)
                """).param("p", practiceId).param("wide", new UUID(0, 0)).query(Long.class).single();
    }
}

package io.switchboard.workflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Test data for workflow tests, built through the HTTP API as a front end would: one practice with
 * its admin and staff tokens, its clients (announced on register.client.v1), pipelines, jobs, threads and portal users.
 */
public final class WorkflowMother {

    public final UUID practice = UUID.randomUUID();
    public final String admin = TestTokens.admin(practice);
    public final String staff = TestTokens.staff(practice);
    public final Api api;

    public WorkflowMother(int port) {
        this.api = Api.onPort(port);
    }

    /**
     * A client of this practice, as the register announces it on register.client.v1; returns once workflow knows it
     * (clients reach workflow only through that topic).
     */
    public UUID client(String displayName) {
        UUID clientId = UUID.randomUUID();
        RegisterClients.publish(practice, clientId, displayName, true, 1);
        awaitClientAnswers(clientId, 200);
        return clientId;
    }

    /** The register archives or deletes the client; returns once workflow no longer accepts it. */
    public void deleteClient(UUID clientId, String displayName) {
        RegisterClients.publish(practice, clientId, displayName, false, 2);
        awaitClientAnswers(clientId, 404);
    }

    private void awaitClientAnswers(UUID clientId, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/clients/" + clientId + "/points-of-contact", staff).status() == status);
    }

    /** A stage body: name, automove, and optionally an automation. */
    public static Map<String, Object> stage(String name, boolean automove) {
        Map<String, Object> stage = new HashMap<>();
        stage.put("name", name);
        stage.put("automove", automove);
        return stage;
    }

    public static Map<String, Object> stage(String name, boolean automove, Map<String, Object> automation) {
        Map<String, Object> stage = stage(name, automove);
        stage.put("automation", automation);
        return stage;
    }

    /** An automation creating its template inline. */
    public static Map<String, Object> sendsNew(String mode, String subject, String body, String... todos) {
        return Map.of("mode", mode, "newTemplate", template("Template " + UUID.randomUUID(), subject, body, todos));
    }

    public static Map<String, Object> sends(String mode, String templateId) {
        return Map.of("mode", mode, "templateId", templateId);
    }

    public static Map<String, Object> template(String name, String subject, String body, String... todos) {
        return Map.of("name", name, "subject", subject, "body", body, "todos", List.of(todos));
    }

    public String createTemplate(String name, String subject, String body, String... todos) {
        Api.Response created = api.post("/message-templates", admin, template(name, subject, body, todos));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @SafeVarargs
    public final JsonNode createPipeline(String name, Map<String, Object>... stages) {
        Api.Response created = api.post("/pipelines", admin, Map.of("name", name, "stages", List.of(stages)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public static String stageId(JsonNode pipeline, int index) {
        return pipeline.get("stages").get(index).get("id").asText();
    }

    public JsonNode createJob(JsonNode pipeline, UUID clientId) {
        Api.Response created = api.post("/jobs", staff, Map.of("pipelineId", pipeline.get("id").asText(),
                "clientId", clientId.toString(), "clientName", "Lisa Simpson", "title", "2025 tax return"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public JsonNode job(String jobId) {
        return api.get("/jobs/" + jobId, staff).json();
    }

    /** Registers a portal user for the client and returns their CLIENT token. */
    public String portalUser(UUID clientId) {
        UUID user = UUID.randomUUID();
        Api.Response registered = api.post("/clients/" + clientId + "/portal-users", staff,
                Map.of("userId", user.toString(), "email", user + "@test.switchboard.io", "displayName", "Lisa"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return TestTokens.user(practice, user, Role.CLIENT);
    }

    public JsonNode startThread(UUID clientId, String subject, String body, String... todos) {
        Api.Response created = api.post("/threads", staff, Map.of("clientId", clientId.toString(), "subject", subject,
                "body", body, "todos", List.of(todos)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public JsonNode thread(String threadId) {
        return api.get("/threads/" + threadId, staff).json();
    }

    /** Checks off every open to-do of the thread as the portal user. */
    public void checkOffAll(String portalToken, String threadId) {
        for (String todo : openTodoIds(thread(threadId))) {
            Api.Response done = api.post("/portal/threads/" + threadId + "/todos/" + todo + "/done", portalToken, "{}");
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
    }

    public static List<String> openTodoIds(JsonNode thread) {
        List<String> ids = new ArrayList<>();
        thread.get("todos").forEach(t -> {
            if ("OPEN".equals(t.get("status").asText())) {
                ids.add(t.get("id").asText());
            }
        });
        return ids;
    }

    /** A staff user's token with a known user id. */
    public String staffToken(UUID userId) {
        return TestTokens.user(practice, userId, Role.STAFF);
    }

    /** A practice admin's token with a known user id. */
    public String adminToken(UUID userId) {
        return TestTokens.user(practice, userId, Role.PRACTICE_ADMIN);
    }

    /** Sets the practice's points of contact (any may be null). */
    public void pointsOfContact(UUID primary, UUID bankStatements, UUID accountsPayable) {
        Map<String, Object> body = new HashMap<>();
        body.put("primaryUserId", primary);
        body.put("bankStatementsUserId", bankStatements);
        body.put("accountsPayableUserId", accountsPayable);
        Api.Response set = api.put("/settings/points-of-contact", admin, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Assigns the people to a mentionable role. */
    public void assignRole(String role, UUID... people) {
        Api.Response set = api.put("/role-assignments/" + role, admin,
                Map.of("userIds", java.util.Arrays.stream(people).map(UUID::toString).toList()));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** A task body for the client: type, title and any further fields as key/value pairs. */
    public static Map<String, Object> task(String type, UUID clientId, String title, Object... more) {
        Map<String, Object> task = new HashMap<>();
        task.put("type", type);
        task.put("clientId", clientId.toString());
        task.put("title", title);
        for (int i = 0; i < more.length; i += 2) {
            task.put((String) more[i], more[i + 1]);
        }
        return task;
    }

    public JsonNode createTask(Map<String, Object> task) {
        Api.Response created = api.post("/tasks", staff, task);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public JsonNode task(String taskId) {
        return api.get("/tasks/" + taskId, staff).json();
    }

    /** Uploads the multipart body to the task as the portal user. */
    public Api.Response upload(String portalToken, String taskId, Multipart files) {
        return api.send(api.request("/portal/tasks/" + taskId + "/documents", portalToken)
                .header("Content-Type", files.contentType()).POST(files.body()).build());
    }

    /** GETs the path and returns the raw response bytes (for downloads). */
    public java.net.http.HttpResponse<byte[]> download(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(api.request(path, token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}

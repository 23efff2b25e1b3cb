package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.gateway;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.awaitility.Awaitility;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.google.GmailMessageSeed;
import tools.jackson.databind.JsonNode;

/**
 * How to make one object of each kind the public API addresses by id, through the API, as a practice
 * does. The matrix looks a path's id parameters up here by the longest documented path prefix that
 * names them all ({@link #creatorFor}); a path whose ids no creator names fails the matrix loudly, so a
 * new resource type needs one line here.
 */
final class Fixtures {

    /**
     * An object as made: the path parameters that name it, where its owner reads it back (GET, as
     * {@code readAs}), and where it is listed (null if nowhere), to prove a stranger changed nothing.
     */
    record Created(Map<String, String> params, String readPath, String listPath, Function<World, String> readAs) {
    }

    /** Values for path parameters that are not object ids: addressed within the caller's practice. */
    static final Map<String, String> NAMED_PARAMETERS = Map.of("role", "accountant");

    /** Properties that change by themselves (deliveries arriving), left out when comparing before and after. */
    private static final Set<String> VOLATILE = Set.of("deliveries");

    /** The creators, keyed by the documented path prefix (as the gateway serves it) whose ids they make. */
    static final Map<String, Function<World, Created>> CREATORS = new LinkedHashMap<>();

    static {
        // register-service
        CREATORS.put("/api/register/clients/{id}", w -> new Created(Map.of("id", w.clientId),
                "/api/register/clients/" + w.clientId, "/api/register/clients", World::staff));
        CREATORS.put("/api/register/clients/{id}/contacts/{contactId}", w -> {
            String contact = w.create("/api/register/clients/" + w.clientId + "/contacts", w.staff(),
                    Map.of("name", "Mia Contact", "email", "mia@nguyen.example")).get("id").asText();
            return new Created(Map.of("id", w.clientId, "contactId", contact), "/api/register/clients/" + w.clientId,
                    "/api/register/clients/" + w.clientId + "/contacts", World::staff);
        });
        CREATORS.put("/api/register/family-groups/{id}", w -> {
            String id = w.create("/api/register/family-groups", w.staff(),
                    Map.of("name", "Nguyen family " + UUID.randomUUID())).get("id").asText();
            return new Created(Map.of("id", id), "/api/register/family-groups/" + id, "/api/register/family-groups",
                    World::staff);
        });
        CREATORS.put("/api/register/entries/{id}", w -> {
            String id = Practices.phoneMessageForSam(w.practice, w.clientId, "Please call about the BAS.", List.of());
            return new Created(Map.of("id", id), "/api/register/entries/" + id, "/api/register/entries", World::staff);
        });
        CREATORS.put("/api/register/templates/{id}", w -> {
            String id = w.create("/api/register/templates", w.admin(), Map.of("name", "Welcome " + UUID.randomUUID(),
                    "subject", "Welcome aboard", "body", "<p>Hello and welcome.</p>")).get("id").asText();
            return new Created(Map.of("id", id), "/api/register/templates/" + id, "/api/register/templates",
                    World::staff);
        });
        // integration-service
        CREATORS.put("/api/integrations/directory/users/{userId}", w -> new Created(
                Map.of("userId", w.practice.samId().toString()), "/api/integrations/directory/users", null,
                World::staff));
        // notifier-service: the phone message for Sam lands in his inbox.
        CREATORS.put("/api/notifications/inbox/{id}", w -> {
            Practices.phoneMessageForSam(w.practice, w.clientId, "Inbox item for Sam.", List.of());
            String id = Awaitility.await("Sam's inbox item").atMost(Duration.ofSeconds(60))
                    .until(() -> gateway().get("/api/notifications/inbox", w.sam()).json().path("items"),
                            items -> items.size() > 0)
                    .get(0).get("id").asText();
            return new Created(Map.of("id", id), "/api/notifications/inbox", "/api/notifications/inbox/unread-count",
                    World::sam);
        });
        // workflow-service
        CREATORS.put("/api/workflow/pipelines/{id}", w -> created(Map.of("id", w.pipeline().get("id").asText()),
                "/api/workflow/pipelines/" + w.pipeline().get("id").asText(), "/api/workflow/pipelines"));
        CREATORS.put("/api/workflow/pipelines/{id}/stages/{stageId}", w -> {
            JsonNode pipeline = w.pipeline();
            String id = pipeline.get("id").asText();
            return created(Map.of("id", id, "stageId", pipeline.get("stages").get(1).get("id").asText()),
                    "/api/workflow/pipelines/" + id, "/api/workflow/pipelines");
        });
        CREATORS.put("/api/workflow/clients/{clientId}", w -> {
            Api.Response set = gateway().put("/api/workflow/clients/" + w.clientId + "/points-of-contact", w.admin(),
                    Map.of("primaryUserId", w.practice.samId()));
            w.expect2xx("PUT points-of-contact", set);
            return created(Map.of("clientId", w.clientId), "/api/workflow/clients/" + w.clientId + "/points-of-contact",
                    "/api/workflow/settings/points-of-contact");
        });
        CREATORS.put("/api/workflow/clients/{clientId}/portal-users", w -> created(Map.of("clientId", w.clientId),
                "/api/workflow/clients/" + w.clientId + "/portal-users", null));
        CREATORS.put("/api/workflow/threads/{id}", w -> thread(w, false));
        CREATORS.put("/api/workflow/portal/threads/{id}", w -> thread(w, false));
        CREATORS.put("/api/workflow/portal/threads/{id}/todos/{todoId}", w -> thread(w, true));
        CREATORS.put("/api/workflow/jobs/{id}", w -> {
            String id = w.job().get("id").asText();
            return created(Map.of("id", id), "/api/workflow/jobs/" + id,
                    "/api/workflow/jobs?pipelineId=" + w.pipeline().get("id").asText());
        });
        CREATORS.put("/api/workflow/tasks/{id}", w -> task(w, false));
        CREATORS.put("/api/workflow/portal/tasks/{id}", w -> task(w, false));
        CREATORS.put("/api/workflow/tasks/{id}/documents/{documentId}", w -> task(w, true));
        CREATORS.put("/api/workflow/portal/tasks/{id}/documents/{documentId}", w -> task(w, true));
        // gmail-sync-service: every World has Gmail enabled and Sam's own mailbox connected (with sync).
        CREATORS.put("/api/gmail/messages/{messageId}", w -> {
            String messageId = w.filedEmail().get("messageId").asText();
            return new Created(Map.of("messageId", messageId), "/api/gmail/messages/" + messageId + "/status", null,
                    World::sam);
        });
        CREATORS.put("/api/gmail/messages/{messageId}/assignments/{clientId}", w -> {
            String messageId = w.filedEmail().get("messageId").asText();
            return new Created(Map.of("messageId", messageId, "clientId", w.clientId),
                    "/api/gmail/messages/" + messageId + "/status", null, World::sam);
        });
        CREATORS.put("/api/gmail/mailboxes/{userId}/messages/{messageId}/attachments/{attachmentId}", w -> {
            JsonNode filed = w.filedEmail();
            // The register's attachment link names the mailbox, the message and the attachment.
            String link = filed.get("entry").get("attachments").get(0).get("url").asText();
            String[] parts = link.substring(link.indexOf("/mailboxes/") + 1).split("/");
            return new Created(Map.of("userId", parts[1], "messageId", parts[3], "attachmentId", parts[5]),
                    "/api/gmail/messages/" + parts[3] + "/status", null, World::sam);
        });
        CREATORS.put("/api/gmail/proposals/{id}", w -> {
            Stack.get().sandbox.google().deliver(w.practice.samEmail(), GmailMessageSeed.email(
                    "Linh Nguyen <linh@nguyen.example>", w.practice.samEmail(), "Receipts", "For the file."));
            String id = Awaitility.await("a sync proposal for Sam").atMost(Duration.ofSeconds(60))
                    .until(() -> gateway().get("/api/gmail/proposals", w.sam()).json(), list -> list.size() > 0)
                    .get(0).get("id").asText();
            return new Created(Map.of("id", id), "/api/gmail/proposals", null, World::sam);
        });
        CREATORS.put("/api/gmail/compose/templates/{templateId}", w -> {
            String id = w.created("/api/register/templates/{id}").params().get("id");
            return new Created(Map.of("templateId", id), "/api/register/templates/" + id, null, World::staff);
        });
        CREATORS.put("/api/workflow/message-templates/{id}", w -> {
            String id = w.create("/api/workflow/message-templates", w.admin(), Map.of("name",
                    "Year end " + UUID.randomUUID(), "subject", "Year end", "body", "Please send the year-end pack.",
                    "todos", List.of("Bank statements"))).get("id").asText();
            return created(Map.of("id", id), "/api/workflow/message-templates/" + id, "/api/workflow/message-templates");
        });
    }

    private Fixtures() {
    }

    /**
     * A stage as the workflow service takes it: {@code automove} is not marked required in the published
     * schema, yet a stage without it is refused (see KnownViolations).
     */
    static Map<String, Object> stage(String name) {
        return Map.of("name", name, "automove", false);
    }

    private static Created created(Map<String, String> params, String read, String list) {
        return new Created(params, read, list, World::staff);
    }

    private static Created thread(World w, boolean todo) {
        JsonNode thread = w.create("/api/workflow/threads", w.staff(), Map.of("clientId", w.clientId,
                "subject", "Year-end documents", "body", "Could you send these?", "todos", List.of("Bank statement")));
        String id = thread.get("id").asText();
        Map<String, String> params = todo ? Map.of("id", id, "todoId", thread.get("todos").get(0).get("id").asText())
                : Map.of("id", id);
        return created(params, "/api/workflow/threads/" + id, "/api/workflow/threads?clientId=" + w.clientId);
    }

    private static Created task(World w, boolean document) {
        JsonNode task = w.create("/api/workflow/tasks", w.staff(), Map.of("type", "DOCUMENT_UPLOAD_REQUEST",
                "clientId", w.clientId, "title", "Upload your bank statements", "assigneeUserId", w.practice.samId(),
                "folder", "Bank statements/FY26"));
        String id = task.get("id").asText();
        Map<String, String> params = Map.of("id", id);
        if (document) {
            JsonNode uploaded = w.upload(id);
            params = Map.of("id", id, "documentId", uploaded.get("documents").get(0).get("id").asText());
        }
        return created(params, "/api/workflow/tasks/" + id, "/api/workflow/tasks");
    }

    /** The creator key for a documented path whose id parameters are {@code ids}; null when none names them all. */
    static String creatorFor(String fullPath, List<String> ids) {
        String best = null;
        for (String key : CREATORS.keySet()) {
            boolean prefix = fullPath.equals(key) || fullPath.startsWith(key + "/");
            if (prefix && ids.stream().allMatch(id -> key.contains("{" + id + "}"))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best;
    }

    /** {@code body} without the properties that change by themselves (deliveries arriving). */
    static JsonNode stable(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode copy = body.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            VOLATILE.forEach(object::remove);
        }
        node.forEach(Fixtures::strip);
    }

    /**
     * One practice as the matrix uses it: connected, with Sam, a register client with a portal user, and
     * the objects the creators made (each made once).
     */
    static final class World {

        final ConnectedPractice practice;
        final String clientId;
        final UUID clientUser = UUID.randomUUID();
        private final Map<String, Created> made = new HashMap<>();
        private JsonNode pipeline;
        private JsonNode job;
        private JsonNode filedEmail;

        World() throws Exception {
            practice = Practices.connectedPractice();
            clientId = Practices.client(practice);
            Practices.enableGmailAndConnectSam(practice, true);
            expect2xx("portal user", gateway().post("/api/workflow/clients/" + clientId + "/portal-users", admin(),
                    Map.of("userId", clientUser, "email", "linh." + clientUser + "@nguyen.example",
                            "displayName", "Linh Nguyen")));
        }

        String admin() {
            return practice.admin();
        }

        String staff() {
            return practice.staff();
        }

        String sam() {
            return TestTokens.user(practice.id(), practice.samId(), Role.STAFF);
        }

        /**
         * A staff token for {@code fullPath}: Gmail's add-on API works only for a user who connected their own
         * Gmail, which Sam has; everything else takes any staff user.
         */
        String staffFor(String fullPath) {
            return gmail(fullPath) ? sam() : staff();
        }

        /** The token practice B uses against practice A's objects: an admin, or on the Gmail API connected Sam. */
        String strangerFor(String fullPath) {
            return gmail(fullPath) ? sam() : admin();
        }

        static boolean gmail(String fullPath) {
            return fullPath.startsWith("/api/gmail/");
        }

        /**
         * A client's email with a PDF attached, delivered to Sam's Gmail and filed by him into the register:
         * {@code {"messageId", "entry"}} with the register's entry.
         */
        synchronized JsonNode filedEmail() {
            if (filedEmail == null) {
                String messageId = Stack.get().sandbox.google().deliver(practice.samEmail(), GmailMessageSeed.email(
                                "Linh Nguyen <linh@nguyen.example>", practice.samEmail(), "Statements", "Attached.")
                        .withAttachment("june.pdf", "application/pdf", "%PDF-1.4 june".getBytes(StandardCharsets.UTF_8)))
                        .id();
                // gmail-sync learns the client from register.client.v1; until then the assignment is refused.
                Api.Response assigned = Awaitility.await("Sam files the email").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(1)) // each try reads the message from Gmail: mind Sam's quota
                        .until(() -> gateway().post("/api/gmail/messages/" + messageId + "/assignments", sam(),
                                Map.of("clientId", clientId)), r -> r.status() == 201);
                JsonNode entry = Awaitility.await("the register's entry for the email").atMost(Duration.ofSeconds(30))
                        .until(() -> gateway().get("/api/register/entries?clientId=" + clientId + "&type=EMAIL_IN",
                                        staff()).json().get("items").valueStream()
                                .map(e -> gateway().get("/api/register/entries/" + e.get("id").asText(), staff()).json())
                                .filter(e -> e.path("email").path("gmailMessageId").asText().equals(messageId))
                                .findFirst().orElse(null), e -> e != null);
                expect2xx("assignment", assigned);
                filedEmail = Bodies.JSON.createObjectNode().put("messageId", messageId).set("entry", entry);
            }
            return filedEmail;
        }

        /** The client's portal user's token. */
        String client() {
            return TestTokens.user(practice.id(), clientUser, Role.CLIENT);
        }

        synchronized Created created(String creatorKey) {
            // Not computeIfAbsent: a creator may ask for another object of this World (a template, say).
            Created object = made.get(creatorKey);
            if (object == null) {
                object = CREATORS.get(creatorKey).apply(this);
                made.put(creatorKey, object);
            }
            return object;
        }

        /** Values by property name that make a generated body refer to this practice's own objects. */
        Map<String, Object> known() {
            Map<String, Object> known = new HashMap<>();
            known.put("clientId", clientId);
            known.put("clientName", "Linh Nguyen");
            known.put("recipientUserId", practice.samId());
            known.put("assigneeUserId", practice.samId());
            known.put("primaryUserId", practice.samId());
            known.put("userIds", List.of(practice.samId()));
            known.put("pipelineId", pipeline().get("id").asText());
            known.put("toStageId", pipeline().get("stages").get(1).get("id").asText());
            known.put("stages", List.of(stage("Intake"), stage("Review")));
            known.put("folder", "Bank statements/FY26");
            known.put("status", "IN_PROGRESS"); // a task is never reopened: OPEN is refused before any lookup
            // ShareRequest documents minItems 0 for targets, but the register refuses an empty list (KnownViolations).
            known.put("targets", List.of(Map.of("kind", "USE_PRACTICE_DEFAULT")));
            known.put("threadId", created("/api/workflow/threads/{id}").params().get("id"));
            known.put("stageIds", List.of(pipeline().get("stages").get(1).get("id").asText(),
                    pipeline().get("stages").get(0).get("id").asText()));
            return known;
        }

        synchronized JsonNode pipeline() {
            if (pipeline == null) {
                pipeline = create("/api/workflow/pipelines", admin(), Map.of("name", "Tax returns " + UUID.randomUUID(),
                        "stages", List.of(stage("Intake"), stage("Review"), stage("Lodged"))));
            }
            return pipeline;
        }

        synchronized JsonNode job() {
            if (job == null) {
                job = create("/api/workflow/jobs", staff(), Map.of("pipelineId", pipeline().get("id").asText(),
                        "clientId", clientId, "clientName", "Linh Nguyen", "title", "FY26 tax return"));
            }
            return job;
        }

        JsonNode create(String path, String token, Object body) {
            Api.Response response = gateway().post(path, token, body);
            expect2xx("POST " + path, response);
            return response.json();
        }

        /** Uploads a small CSV bank export to the task as the client's portal user; answers the task. */
        JsonNode upload(String taskId) {
            String boundary = "----switchboard" + UUID.randomUUID();
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"statement.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\ndate,amount\r\n2026-06-30,120.50\r\n--" + boundary + "--\r\n";
            Api api = gateway();
            HttpRequest request = api.request("/api/workflow/portal/tasks/" + taskId + "/documents", client())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(part, StandardCharsets.UTF_8)).build();
            Api.Response response = api.send(request);
            expect2xx("upload to " + taskId, response);
            return response.json();
        }

        void expect2xx(String what, Api.Response response) {
            if (response.status() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
            }
        }

        /** Reads {@code path} as {@code token}: status and body (volatile parts removed). */
        static String snapshot(String path, String token) {
            if (path == null) {
                return "";
            }
            Api.Response response = gateway().get(path, token);
            String body = response.body();
            try {
                body = Bodies.write(stable(response.json()));
            } catch (RuntimeException notJson) {
                // a download or an empty body: compared as it is
            }
            return response.status() + " " + body;
        }
    }
}

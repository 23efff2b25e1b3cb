package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.switchboard.e2e.ApiSurface.Operation;
import io.switchboard.e2e.Fixtures.Created;
import io.switchboard.e2e.Fixtures.World;
import io.switchboard.platform.test.Api;
import tools.jackson.databind.JsonNode;

/**
 * The cross-tenant and role matrix, generated from the services' OpenAPI documents as the gateway
 * publishes them: for every operation, no token → 401; another practice asking for an object by id →
 * 404 with the object unchanged; staff on an admin-only operation → 403; a client's portal token on a
 * staff API → 403 (and staff on the portal API → 403). Each row is one dynamic test,
 * {@code METHOD path — expectation}; what the matrix leaves out is printed with the reason.
 */
class IsolationMatrixE2eTest {

    /**
     * Admin-only operations whose summary does not say "(admins)" / "(practice admins)". Checked against
     * the documents both ways: an entry must exist and must not carry the marker (then it is redundant).
     */
    static final Map<String, String> ADMIN_ONLY_UNMARKED = Map.of(
            "PUT /api/workflow/settings/points-of-contact", "WorkflowRoles.ADMIN",
            "PUT /api/workflow/clients/{clientId}/points-of-contact", "WorkflowRoles.ADMIN",
            "PUT /api/workflow/role-assignments/{role}", "WorkflowRoles.ADMIN",
            "POST /api/integrations/connections/teams/channels/refresh", "hasRole('PRACTICE_ADMIN')");

    static ApiSurface surface;
    static World harbour;
    static World northwind;

    @BeforeAll
    static void twoPractices() throws Exception {
        Stack.get();
        surface = ApiSurface.load(gateway());
        harbour = new World();
        northwind = new World();
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> notCrossTenant = new ArrayList<>();
        for (Operation op : surface.operations()) {
            add(tests, names, op.id() + " — 401 problem+json without a token", v -> withoutToken(op, v));
            if (!op.idParameters().isEmpty()) {
                add(tests, names, op.id() + " — 404 problem+json for another practice, its object unchanged",
                        v -> anotherPractice(op, v));
            } else if (!op.unsafe()) {
                add(tests, names, op.id() + " — another practice's answer names none of this practice's objects",
                        v -> listsNothingOfAnother(op, v));
            } else {
                notCrossTenant.add(op.id() + " — " + (op.pathParameters().isEmpty() ? "no object id in the path"
                        : "path names no object (enum or name within the caller's practice)")
                        + "; acts on the caller's own practice");
            }
            if (op.portal()) {
                add(tests, names, op.id() + " — 403 problem+json for staff (portal API)", v -> staffOnPortal(op, v));
            } else {
                add(tests, names, op.id() + " — 403 problem+json for a client's portal token",
                        v -> clientOnStaffApi(op, v));
                if (adminOnly(op)) {
                    add(tests, names, op.id() + " — 403 problem+json for staff (admin-only)", v -> staffOnAdmin(op, v));
                } else if (!op.unsafe() || !op.idParameters().isEmpty()) {
                    add(tests, names, op.id() + " — not 403 for staff (documented for staff)", v -> staffAllowed(op, v));
                }
            }
        }
        for (Operation op : surface.publicOperations()) {
            add(tests, names, op.id() + " — public: documented security: [] and no 401 without a token",
                    v -> documentedPublic(op, v));
        }
        tests.add(dynamicTest("admin-only list matches the documents", IsolationMatrixE2eTest::adminListMatchesDocs));
        tests.add(dynamicTest("summary — skipped operations and every violation", () -> {
            System.out.println("[isolation matrix] " + surface.operations().size() + " operations, " + names.size()
                    + " cases, per service: " + perService());
            System.out.println("[isolation matrix] skipped:\n  " + String.join("\n  ", surface.skipped()));
            System.out.println("[isolation matrix] no cross-tenant row:\n  " + String.join("\n  ", notCrossTenant));
            KnownViolations.summarise(KnownViolations.MATRIX, names);
        }));
        return tests.stream();
    }

    private static String perService() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        surface.operations().forEach(o -> counts.merge(o.service(), 1L, Long::sum));
        return counts.toString();
    }

    private static void add(List<DynamicTest> tests, Set<String> names, String name, CheckedCase check) {
        names.add(name);
        tests.add(dynamicTest(name, () -> {
            List<String> violations = new ArrayList<>();
            check.run(violations);
            KnownViolations.settle(KnownViolations.MATRIX, name, violations);
        }));
    }

    @FunctionalInterface
    interface CheckedCase {
        void run(List<String> violations) throws Exception;
    }

    static boolean adminOnly(Operation op) {
        return op.documentedAdminOnly() || ADMIN_ONLY_UNMARKED.containsKey(op.id());
    }

    // --- the rows -----------------------------------------------------------------------------------

    private static void withoutToken(Operation op, List<String> violations) {
        Api.Response response = send(op, concretePath(op, randomIds(op), harbour), null, body(op, harbour));
        expect(violations, "no token", response, 401);
    }

    private static void anotherPractice(Operation op, List<String> violations) {
        Created object = created(op, harbour);
        String readToken = object.readAs().apply(harbour);
        String before = World.snapshot(object.readPath(), readToken);
        String listBefore = World.snapshot(object.listPath(), readToken);
        String stranger = op.portal() ? northwind.client() : northwind.strangerFor(op.fullPath());
        Api.Response response = send(op, concretePath(op, object.params(), northwind), stranger, body(op, northwind));
        expect(violations, "practice B (" + (op.portal() ? "CLIENT" : World.gmail(op.fullPath())
                ? "STAFF with Gmail connected" : "PRACTICE_ADMIN") + ")", response, 404);
        unchanged(violations, object.readPath(), readToken, before);
        unchanged(violations, object.listPath(), readToken, listBefore);
    }

    /** Practice B lists: nothing of practice A's (ids, emails, Slack team and channels) may appear. */
    private static void listsNothingOfAnother(Operation op, List<String> violations) {
        List<String> secrets = new ArrayList<>(List.of(harbour.practice.id().toString(), harbour.clientId,
                harbour.practice.samId().toString(), harbour.practice.samEmail(), harbour.practice.teamId(),
                harbour.practice.frontDesk()));
        Fixtures.CREATORS.keySet().forEach(key -> secrets.addAll(harbour.created(key).params().values()));
        String stranger = op.portal() ? northwind.client() : northwind.strangerFor(op.fullPath());
        Api.Response response = send(op, concretePath(op, Map.of(), northwind), stranger, body(op, northwind));
        if (response.status() >= 500) {
            violations.add("practice B: " + op.id() + " answered " + response.status() + " " + abbreviate(response.body()));
        }
        secrets.stream().filter(secret -> response.body().contains(secret)).forEach(secret -> violations.add(
                "practice B's " + op.id() + " shows practice A's " + secret + ": " + abbreviate(response.body())));
    }

    /** A public operation (an OAuth return) says so in its document and is reachable without a token. */
    private static void documentedPublic(Operation op, List<String> violations) {
        JsonNode security = op.node().get("security");
        if (security == null || !security.isArray() || !security.isEmpty()) {
            violations.add(op.id() + " is public but its OpenAPI operation has " + (security == null
                    ? "no security property, so it inherits the document's bearer requirement"
                    : "security " + security) + " instead of security: []");
        }
        Api.Response response = send(op, concretePath(op, Map.of(), harbour), null, null);
        if (response.status() == 401 || response.status() >= 500) {
            violations.add("without a token: " + response.status() + " " + abbreviate(response.body()));
        }
    }

    private static void staffOnPortal(Operation op, List<String> violations) {
        withRealObject(op, harbour.staff(), "STAFF", 403, violations);
    }

    private static void clientOnStaffApi(Operation op, List<String> violations) {
        withRealObject(op, harbour.client(), "CLIENT", 403, violations);
    }

    private static void staffOnAdmin(Operation op, List<String> violations) {
        withRealObject(op, harbour.staffFor(op.fullPath()), "STAFF", 403, violations);
    }

    /** Staff on an operation documented for staff: never 403. Unsafe ones are aimed at ids that do not exist. */
    private static void staffAllowed(Operation op, List<String> violations) {
        Map<String, String> ids = op.unsafe() ? randomIds(op) : op.idParameters().isEmpty() ? Map.of()
                : created(op, harbour).params();
        Api.Response response = send(op, concretePath(op, ids, harbour), harbour.staffFor(op.fullPath()),
                body(op, harbour));
        if (response.status() == 403 || response.status() >= 500) {
            violations.add("STAFF: " + op.id() + " answered " + response.status() + " " + response.body());
        }
    }

    private static void withRealObject(Operation op, String token, String who, int status, List<String> violations) {
        Created object = op.idParameters().isEmpty() ? null : created(op, harbour);
        Map<String, String> ids = object == null ? Map.of() : object.params();
        String readToken = object == null ? null : object.readAs().apply(harbour);
        String before = object == null ? null : World.snapshot(object.readPath(), readToken);
        Api.Response response = send(op, concretePath(op, ids, harbour), token, body(op, harbour));
        expect(violations, who, response, status);
        if (object != null) {
            unchanged(violations, object.readPath(), readToken, before);
        }
    }

    private static void adminListMatchesDocs() {
        List<String> problems = new ArrayList<>();
        ADMIN_ONLY_UNMARKED.keySet().forEach(id -> {
            String[] parts = id.split(" ", 2);
            surface.find(parts[0], parts[1]).ifPresentOrElse(op -> {
                if (op.documentedAdminOnly()) {
                    problems.add(id + " now says it is for admins in its summary: remove it from ADMIN_ONLY_UNMARKED");
                }
            }, () -> problems.add(id + " is not documented any more: remove it from ADMIN_ONLY_UNMARKED"));
        });
        ApiSurface.PUBLIC_CALLBACKS.forEach(id -> {
            if (!surface.documents(id)) {
                problems.add(id + " is not documented any more: remove it from ApiSurface.PUBLIC_CALLBACKS");
            }
        });
        assertThat(problems).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    static Created created(Operation op, World world) {
        String key = Fixtures.creatorFor(op.fullPath(), op.idParameters());
        if (key == null) {
            throw new AssertionError("No creator for the id parameters " + op.idParameters() + " of " + op.id()
                    + ": add one to Fixtures.CREATORS (see the module README).");
        }
        return world.created(key);
    }

    static Map<String, String> randomIds(Operation op) {
        Map<String, String> ids = new java.util.HashMap<>();
        op.idParameters().forEach(p -> ids.put(p, UUID.randomUUID().toString()));
        return ids;
    }

    /** The path with ids from {@code ids}, other path parameters from their enum or NAMED_PARAMETERS, required queries filled. */
    static String concretePath(Operation op, Map<String, String> ids, World world) {
        String path = op.fullPath();
        for (JsonNode p : op.pathParameters()) {
            String name = p.get("name").asText();
            String value = ids.get(name);
            if (value == null) {
                JsonNode enumeration = p.path("schema").get("enum");
                value = enumeration != null ? enumeration.get(0).asText() : Fixtures.NAMED_PARAMETERS.get(name);
            }
            if (value == null) {
                throw new AssertionError("No value for path parameter {" + name + "} of " + op.id()
                        + ": add it to Fixtures.NAMED_PARAMETERS or a creator to Fixtures.CREATORS.");
            }
            path = path.replace("{" + name + "}", value);
        }
        List<String> query = new ArrayList<>();
        Map<String, Object> known = world.known();
        for (JsonNode q : op.requiredQueryParameters()) {
            String name = q.get("name").asText();
            Object value = known.getOrDefault(name, UUID.randomUUID());
            query.add(name + "=" + value);
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    static String body(Operation op, World world) {
        JsonNode schema = op.jsonBodySchema();
        return schema == null ? null : Bodies.write(Bodies.valid(op, schema, world.known()));
    }

    static Api.Response send(Operation op, String path, String token, String body) {
        Api api = gateway();
        HttpRequest.Builder request = api.request(path, token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        if (op.multipart()) {
            String boundary = "----switchboard-matrix";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            publisher = HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"statement.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\ndate,amount\r\n2026-06-30,1.00\r\n--" + boundary + "--\r\n");
        }
        return api.send(request.method(op.method(), publisher).build());
    }

    static void expect(List<String> violations, String who, Api.Response response, int status) {
        boolean problem = response.contentType().startsWith("application/problem+json");
        if (response.status() != status || !problem) {
            violations.add(who + ": expected " + status + " problem+json, got " + response.status() + " "
                    + response.contentType() + " " + abbreviate(response.body()));
        }
    }

    static void unchanged(List<String> violations, String path, String token, String before) {
        if (path == null) {
            return;
        }
        String after = World.snapshot(path, token);
        if (!after.equals(before)) {
            violations.add("the owner's GET " + path + " changed:\n  before " + abbreviate(before) + "\n  after  "
                    + abbreviate(after));
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}

package io.switchboard.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.switchboard.platform.test.Api;
import tools.jackson.databind.JsonNode;

/**
 * The public HTTP API as the services document it: every operation of every OpenAPI document the
 * gateway lists at {@code GET /api-docs}, fetched through the gateway, with what the matrix must leave
 * out and why. A new endpoint appears here without anyone remembering to add it.
 */
public final class ApiSurface {

    /** A summary that says an operation is for practice admins: "(admins)", "(practice admins)", "(practice admins and …)". */
    private static final Pattern ADMIN_MARKER = Pattern.compile("\\((practice )?admins\\b[^)]*\\)");

    /**
     * Public OAuth returns: the gateway lets them through without a token (GatewayApplication.OAUTH_CALLBACKS)
     * and their {@code @Operation} says {@code security = {}}, but the published documents do not carry
     * {@code security: []} for them (see KnownViolations), so they are named here as well; each name is
     * checked against the documents.
     */
    static final Set<String> PUBLIC_CALLBACKS = Set.of(
            "GET /api/integrations/connections/slack/callback",
            "GET /api/integrations/connections/teams/callback",
            "GET /api/integrations/connections/teams/consent-callback",
            "GET /api/integrations/connections/gmail/callback");

    private final List<Operation> operations;
    private final List<Operation> publicOperations;
    private final List<String> skipped;

    private ApiSurface(List<Operation> operations, List<Operation> publicOperations, List<String> skipped) {
        this.operations = operations;
        this.publicOperations = publicOperations;
        this.skipped = skipped;
    }

    /** Reads {@code /api-docs} and every document it lists through the gateway. */
    public static ApiSurface load(Api gateway) {
        Api.Response index = gateway.get("/api-docs", null);
        if (index.status() != 200) {
            throw new IllegalStateException("GET /api-docs answered " + index.status() + ": " + index.body());
        }
        List<Operation> operations = new ArrayList<>();
        List<Operation> publicOperations = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode entry : index.json().get("urls")) {
            String name = entry.get("name").asText();
            String url = entry.get("url").asText();
            Api.Response doc = gateway.get(url, null);
            if (doc.status() != 200) {
                skipped.add("service " + name + " — " + url + " answered " + doc.status()
                        + " (not started in the e2e Stack)");
                continue;
            }
            JsonNode document = doc.json();
            String prefix = url.substring(0, url.indexOf("/v3/api-docs"));
            boolean securedByDefault = document.path("security").size() > 0;
            document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    return;
                }
                JsonNode node = op.getValue();
                Operation operation = new Operation(name, prefix, method, path.getKey(), node, document);
                String why = skipReason(operation, securedByDefault, schemeNames(document.path("security")));
                if (why != null) {
                    skipped.add(operation.id() + " — " + why);
                    if (why.startsWith("public")) {
                        publicOperations.add(operation);
                    }
                } else {
                    operations.add(operation);
                }
            }));
        }
        operations.sort(Comparator.comparing(Operation::service).thenComparing(Operation::path)
                .thenComparing(Operation::method));
        skipped.sort(null);
        return new ApiSurface(List.copyOf(operations), List.copyOf(publicOperations), List.copyOf(skipped));
    }

    /** The security scheme names a {@code security} array requires, e.g. {@code [bearer-jwt]}. */
    private static Set<String> schemeNames(JsonNode security) {
        Set<String> names = new java.util.TreeSet<>();
        security.forEach(requirement -> names.addAll(requirement.propertyNames()));
        return names;
    }

    private static String skipReason(Operation operation, boolean securedByDefault, Set<String> defaultSchemes) {
        if (operation.path().startsWith("/internal/")) {
            return "service-to-service (/internal/**): the gateway denies it, scope-internal tokens only";
        }
        if (operation.path().startsWith("/actuator")) {
            return "actuator probe";
        }
        JsonNode security = operation.node().get("security");
        if (security != null && security.isArray() && security.isEmpty() || !securedByDefault && security == null) {
            return "public (documented security: [])";
        }
        Set<String> own = security == null ? Set.of() : schemeNames(security);
        if (!own.isEmpty() && java.util.Collections.disjoint(own, defaultSchemes)) {
            return "authenticated by " + own + ", not a bearer token (Slack's signed button presses:"
                    + " MarkAsActionedE2eTest and the services' own tests)";
        }
        if (PUBLIC_CALLBACKS.contains(operation.id())) {
            return "public OAuth return (authorised by its single-use state, not a token)";
        }
        if (operation.producesEventStream()) {
            return "Server-Sent Events stream: a long-lived response, not a request/answer";
        }
        return null;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** What was left out of the matrix, one line each with the reason. */
    public List<String> skipped() {
        return skipped;
    }

    /** The operations left out as public: documented {@code security: []} or named in {@link #PUBLIC_CALLBACKS}. */
    public List<Operation> publicOperations() {
        return publicOperations;
    }

    /** Whether some operation (skipped or not) of the documents is {@code id}, e.g. {@code GET /api/register/clients}. */
    public boolean documents(String id) {
        return operations.stream().anyMatch(o -> o.id().equals(id))
                || skipped.stream().anyMatch(s -> s.startsWith(id + " — "));
    }

    public java.util.Optional<Operation> find(String method, String fullPathTemplate) {
        return operations.stream().filter(o -> o.method().equals(method) && o.fullPath().equals(fullPathTemplate))
                .findFirst();
    }

    /** One documented operation. */
    public record Operation(String service, String prefix, String method, String path, JsonNode node,
                            JsonNode document) {

        /** {@code METHOD /api/<service>/path}, as the gateway serves it. */
        public String id() {
            return method + " " + fullPath();
        }

        public String fullPath() {
            return prefix + path;
        }

        public String summary() {
            return node.path("summary").asText("");
        }

        public boolean documentedAdminOnly() {
            return ADMIN_MARKER.matcher(summary()).find();
        }

        /** The portal API is for clients' portal users (CLIENT tokens) only. */
        public boolean portal() {
            return path.startsWith("/portal/");
        }

        public List<JsonNode> pathParameters() {
            List<JsonNode> params = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    params.add(p);
                }
            });
            return params;
        }

        /**
         * Path parameters that name an object — a uuid, or a provider's own id such as a Gmail message id
         * ({@code id} / {@code …Id}) — as opposed to an enum or a name within the practice.
         */
        public List<String> idParameters() {
            return pathParameters().stream().filter(p -> "uuid".equals(p.path("schema").path("format").asText())
                            || p.get("name").asText().matches("id|[a-z][A-Za-z]*Id"))
                    .map(p -> p.get("name").asText()).toList();
        }

        public List<JsonNode> requiredQueryParameters() {
            List<JsonNode> params = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean(false)) {
                    params.add(p);
                }
            });
            return params;
        }

        /** The JSON request body's schema, resolved; null when the operation takes no JSON body. */
        public JsonNode jsonBodySchema() {
            JsonNode schema = node.path("requestBody").path("content").path("application/json").get("schema");
            return schema == null ? null : resolve(schema);
        }

        public boolean multipart() {
            return node.path("requestBody").path("content").has("multipart/form-data");
        }

        public boolean producesEventStream() {
            boolean[] sse = {false};
            node.path("responses").forEach(r -> sse[0] |= r.path("content").has("text/event-stream"));
            return sse[0] || summary().contains("Server-Sent Events");
        }

        public boolean unsafe() {
            return !"GET".equals(method);
        }

        public JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current != null && current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
            }
            return current;
        }
    }
}

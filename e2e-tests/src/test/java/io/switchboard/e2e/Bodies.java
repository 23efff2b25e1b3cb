package io.switchboard.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies made from an operation's OpenAPI request schema: a valid one (required fields with
 * values of the documented type, format, enum and length, ids the practice knows where the schema names
 * them) and its hostile mutations. New endpoints get bodies without anyone writing them.
 */
final class Bodies {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Bodies() {
    }

    /**
     * A body the schema accepts. {@code known} supplies values by property name for references the
     * service checks (clientId → one of the practice's clients); everything else is generated.
     */
    static JsonNode valid(ApiSurface.Operation operation, JsonNode schema, Map<String, Object> known) {
        return value(operation, schema, null, known, true, false);
    }

    /**
     * The smallest body the schema documents as valid: required properties only (known values for
     * those). Unlike {@link #valid}, it adds no booleans the services need but the schemas do not mark
     * required (Java records' primitives), so it shows where a document and its service disagree.
     */
    static JsonNode minimal(ApiSurface.Operation operation, JsonNode schema, Map<String, Object> known) {
        return value(operation, schema, null, known, true, true);
    }

    private static JsonNode value(ApiSurface.Operation operation, JsonNode rawSchema, String name,
                                  Map<String, Object> known, boolean top, boolean minimal) {
        JsonNode schema = operation.resolve(rawSchema);
        boolean isArray = "array".equals(schema.path("type").asText());
        if (name != null && known.containsKey(name) && !(minimal && isArray)) {
            return JSON.valueToTree(known.get(name));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").properties().forEach(p -> {
                    boolean bool = "boolean".equals(operation.resolve(p.getValue()).path("type").asText());
                    if (required.contains(p.getKey())
                            || !minimal && (known.containsKey(p.getKey()) && top || bool)) {
                        object.set(p.getKey(), value(operation, p.getValue(), p.getKey(), known, false, minimal));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                for (int i = 0; i < min; i++) {
                    array.add(value(operation, schema.get("items"), null, known, false, minimal));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(schema.path("minimum").asInt(0));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode(string(schema));
            }
        }
    }

    private static String string(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        int n = SEQUENCE.incrementAndGet();
        return switch (schema.path("format").asText("")) {
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "someone." + n + "@example.com";
            case "date-time" -> Instant.now().toString();
            case "date" -> LocalDate.now().plusDays(30).toString();
            default -> schema.path("pattern").asText("").startsWith("https?")
                    ? "https://example.com/file-" + n
                    : clip("Sample " + n, schema);
        };
    }

    private static String clip(String text, JsonNode schema) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Whether a property holds free text (no format, enum or pattern): where names and hostile text go. */
    static boolean freeText(ApiSurface.Operation operation, JsonNode rawSchema) {
        JsonNode schema = operation.resolve(rawSchema);
        return "string".equals(schema.path("type").asText()) && !schema.has("format") && !schema.has("enum")
                && !schema.has("pattern");
    }

    /** A value of the wrong JSON type for the property, one Jackson does not coerce. */
    static JsonNode wrongType(ApiSurface.Operation operation, JsonNode rawSchema) {
        JsonNode schema = operation.resolve(rawSchema);
        return switch (schema.path("type").asText("object")) {
            case "string" -> schema.has("enum") ? NODES.stringNode("NOT_A_DOCUMENTED_VALUE")
                    : "uuid".equals(schema.path("format").asText()) ? NODES.stringNode("not-a-uuid")
                    : "date".equals(schema.path("format").asText()) || "date-time".equals(schema.path("format").asText())
                    ? NODES.stringNode("the day after tomorrow")
                    : NODES.objectNode().put("nested", "object");
            case "integer", "number" -> NODES.stringNode("forty-two");
            case "boolean" -> NODES.stringNode("perhaps");
            case "array" -> NODES.stringNode("not an array");
            default -> NODES.numberNode(42);
        };
    }

    static String write(JsonNode body) {
        return JSON.writeValueAsString(body);
    }
}

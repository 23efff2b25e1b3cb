package io.switchboard.contracts.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Decides whether a new version of an event's JSON Schema can replace the last released one
 * without breaking anybody: every event valid under the old schema must stay valid under the new
 * one (producers on the old contract keep working), and no property a consumer reads may go away
 * or change type. Only adding optional properties and enum values, and loosening, passes.
 *
 * <p>The checker compares the two schema trees position by position ({@code properties},
 * {@code $defs}, {@code items}, {@code anyOf}/{@code allOf}, conditionals); descriptions, titles
 * and comments may change freely.
 */
public final class SchemaCompatibilityChecker {

    /** One breaking change, with the schema location it was found at. */
    public record Violation(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    private static final List<String> LOWER_BOUNDS =
            List.of("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum");
    private static final List<String> UPPER_BOUNDS =
            List.of("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum");

    private final List<Violation> violations = new ArrayList<>();

    private SchemaCompatibilityChecker() {
    }

    /**
     * The breaking changes from {@code baseline} to {@code current}; empty when compatible.
     *
     * @param current the new schema, or {@code null} when it no longer exists
     */
    public static List<Violation> check(JsonNode baseline, JsonNode current) {
        SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker();
        if (current == null) {
            checker.violations.add(new Violation("#", "the schema was removed; a released type must stay published"));
        } else {
            checker.compare(baseline, current, "#");
        }
        return List.copyOf(checker.violations);
    }

    private void compare(JsonNode base, JsonNode cur, String path) {
        if (!base.isObject() || !cur.isObject()) {
            if (!base.equals(cur)) {
                fail(path, "changed from " + base + " to " + cur);
            }
            return;
        }
        compareSignature(base, cur, path);
        compareEnum(base, cur, path);
        compareBounds(base, cur, path);
        compareRequired(base, cur, path);
        compareAdditionalProperties(base, cur, path);
        compareNamedChildren(base, cur, "properties", "the property was removed", path);
        compareNamedChildren(base, cur, "$defs", "the definition was removed", path);
        compareChild(base, cur, "items", path);
        compareChild(base, cur, "if", path);
        compareChild(base, cur, "then", path);
        compareChild(base, cur, "else", path);
        compareList(base, cur, "allOf", true, path);
        compareList(base, cur, "anyOf", false, path);
        compareList(base, cur, "oneOf", false, path);
    }

    private void compareSignature(JsonNode base, JsonNode cur, String path) {
        Set<String> baseTypes = types(base);
        Set<String> curTypes = types(cur);
        if (!baseTypes.equals(curTypes)) {
            fail(path, "type changed from " + describe(baseTypes) + " to " + describe(curTypes));
        }
        sameText(base, cur, "format", path);
        sameText(base, cur, "$ref", path);
        sameText(base, cur, "pattern", path);
        if (!same(base.get("const"), cur.get("const"))) {
            fail(path, "const changed from " + base.get("const") + " to " + cur.get("const"));
        }
    }

    private void compareEnum(JsonNode base, JsonNode cur, String path) {
        JsonNode baseEnum = base.get("enum");
        JsonNode curEnum = cur.get("enum");
        if (baseEnum == null) {
            if (curEnum != null) {
                fail(path, "an enum now restricts the values");
            }
            return;
        }
        if (curEnum == null) {
            return;
        }
        Set<JsonNode> kept = new LinkedHashSet<>();
        curEnum.forEach(kept::add);
        baseEnum.forEach(value -> {
            if (!kept.contains(value)) {
                fail(path, "enum value " + value + " was removed");
            }
        });
    }

    private void compareBounds(JsonNode base, JsonNode cur, String path) {
        for (String keyword : LOWER_BOUNDS) {
            JsonNode was = base.get(keyword);
            JsonNode now = cur.get(keyword);
            if (now != null && (was == null || now.asDouble() > was.asDouble())) {
                fail(path, keyword + " tightened from " + was + " to " + now);
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            JsonNode was = base.get(keyword);
            JsonNode now = cur.get(keyword);
            if (now != null && (was == null || now.asDouble() < was.asDouble())) {
                fail(path, keyword + " tightened from " + was + " to " + now);
            }
        }
        if (cur.path("uniqueItems").asBoolean(false) && !base.path("uniqueItems").asBoolean(false)) {
            fail(path, "uniqueItems now required");
        }
    }

    private void compareRequired(JsonNode base, JsonNode cur, String path) {
        Set<String> before = names(base.get("required"));
        for (String name : names(cur.get("required"))) {
            if (!before.contains(name)) {
                fail(path, "property '" + name + "' became required; new properties must be optional");
            }
        }
    }

    private void compareAdditionalProperties(JsonNode base, JsonNode cur, String path) {
        JsonNode was = base.get("additionalProperties");
        JsonNode now = cur.get("additionalProperties");
        boolean wasOpen = was == null || (was.isBoolean() && was.asBoolean());
        boolean nowOpen = now == null || (now.isBoolean() && now.asBoolean());
        if (wasOpen && !nowOpen) {
            fail(path, "additionalProperties tightened from " + (was == null ? "absent (true)" : was) + " to " + now);
        } else if (was != null && was.isObject()) {
            if (now != null && now.isObject()) {
                compare(was, now, path + "/additionalProperties");
            } else if (now != null && now.isBoolean() && !now.asBoolean()) {
                fail(path, "additionalProperties tightened from a schema to false");
            }
        }
    }

    private void compareNamedChildren(JsonNode base, JsonNode cur, String keyword, String removed, String path) {
        JsonNode before = base.get(keyword);
        if (before == null) {
            return;
        }
        JsonNode after = cur.get(keyword);
        for (String name : names(before)) {
            String at = path + "/" + keyword + "/" + name;
            JsonNode now = after == null ? null : after.get(name);
            if (now == null) {
                fail(at, removed);
            } else {
                compare(before.get(name), now, at);
            }
        }
    }

    private void compareChild(JsonNode base, JsonNode cur, String keyword, String path) {
        JsonNode before = base.get(keyword);
        JsonNode after = cur.get(keyword);
        if (before != null && after != null) {
            compare(before, after, path + "/" + keyword);
        } else if (before == null && after != null) {
            fail(path, "a new '" + keyword + "' constrains the values");
        }
    }

    /**
     * {@code allOf} entries are all constraints: a new one tightens. {@code anyOf}/{@code oneOf}
     * entries are alternatives: a removed one tightens, a new one loosens.
     */
    private void compareList(JsonNode base, JsonNode cur, String keyword, boolean constraints, String path) {
        JsonNode before = base.get(keyword);
        JsonNode after = cur.get(keyword);
        int was = before == null ? 0 : before.size();
        int now = after == null ? 0 : after.size();
        if (constraints && now > was) {
            fail(path, keyword + " gained " + (now - was) + " constraint(s)");
        }
        if (!constraints && now < was) {
            fail(path, keyword + " lost " + (was - now) + " alternative(s)");
        }
        if (!constraints && was == 0 && now > 0) {
            fail(path, "a new '" + keyword + "' constrains the values");
        }
        for (int i = 0; i < Math.min(was, now); i++) {
            compare(before.get(i), after.get(i), path + "/" + keyword + "/" + i);
        }
    }

    private void sameText(JsonNode base, JsonNode cur, String keyword, String path) {
        String was = base.has(keyword) ? base.get(keyword).asString() : null;
        String now = cur.has(keyword) ? cur.get(keyword).asString() : null;
        if (!same(was, now)) {
            fail(path, keyword + " changed from " + was + " to " + now);
        }
    }

    private void fail(String path, String problem) {
        violations.add(new Violation(path, problem));
    }

    private static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        return types;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "(any)" : String.join("|", types);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node == null) {
            return names;
        }
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asString()));
        } else {
            node.propertyNames().forEach(names::add);
        }
        return names;
    }
}

package io.switchboard.contracts.testsupport;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Walks an event's record class and its JSON Schema side by side, from the root through nested
 * records ({@code $ref} to {@code $defs}) and list items, reporting each pair to a {@link Visitor}.
 * The drift tests are visitors: they compare what they are shown, the walker only pairs things up.
 */
public final class RecordSchemaWalker {

    /** Receives the pairs the walker finds; every method has an empty default. */
    public interface Visitor {
        /** A record class and the object schema describing it. */
        default void record(Class<?> recordClass, JsonNode objectSchema, String path) {
        }

        /** A record component and the property schema describing it ({@code null} when the schema lacks it). */
        default void component(RecordComponent component, JsonNode objectSchema, JsonNode property, String path) {
        }

        /** A value of type {@code type} (a component or list element) and the schema describing it. */
        default void value(Type type, JsonNode schema, String path) {
        }
    }

    private final JsonNode root;
    private final Visitor visitor;
    private final Set<String> visiting = new HashSet<>();

    private RecordSchemaWalker(JsonNode root, Visitor visitor) {
        this.root = root;
        this.visitor = visitor;
    }

    /** Walks {@code recordClass} against the schema document {@code root}. */
    public static void walk(Class<?> recordClass, JsonNode root, Visitor visitor) {
        new RecordSchemaWalker(root, visitor).record(recordClass, root, recordClass.getSimpleName());
    }

    private void record(Class<?> recordClass, JsonNode objectSchema, String path) {
        if (!visiting.add(path)) {
            return;
        }
        visitor.record(recordClass, objectSchema, path);
        JsonNode properties = objectSchema.get("properties");
        for (RecordComponent component : recordClass.getRecordComponents()) {
            JsonNode property = properties == null ? null : properties.get(component.getName());
            String at = path + "." + component.getName();
            visitor.component(component, objectSchema, property, at);
            if (property != null) {
                value(component.getGenericType(), property, at);
            }
        }
    }

    private void value(Type type, JsonNode schema, String path) {
        visitor.value(type, schema, path);
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            JsonNode target = Schemas.target(root, schema);
            if (target != schema) {
                record(raw, target, path);
            }
        } else if (raw == java.util.List.class && schema.has("items")) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            value(element, schema.get("items"), path + "[]");
        }
    }

    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("unsupported type in a contract record: " + type);
    }
}

package io.switchboard.contracts.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.switchboard.contracts.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the contract's JSON Schemas from the classpath and validates instances against them. */
public final class Schemas {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    // Draft 2020-12 treats "format" as an annotation unless asked; the contract means it (uuid, date-time).
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build()));

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The schema document of {@code type} as JSON, or {@code null} when the file is missing. */
    public static JsonNode document(EventType<?> type) {
        return resource(type.schemaResource());
    }

    /** A classpath resource parsed as JSON, or {@code null} when it does not exist. */
    public static JsonNode resource(String path) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation errors of {@code instance} against {@code type}'s schema; empty when valid. */
    public static List<Error> validate(EventType<?> type, JsonNode instance) {
        Schema schema = COMPILED.computeIfAbsent(type.type(), t -> REGISTRY.getSchema(document(type)));
        return schema.validate(instance);
    }

    /** Resolves a local {@code $ref} ("#/$defs/X") inside {@code root}. */
    public static JsonNode resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local refs are used in the contract: " + ref);
        }
        return root.at(ref.substring(1));
    }

    /**
     * The object schema a property leads to: follows a {@code $ref} and, for a nullable reference
     * ({@code anyOf: [$ref, {type: null}]}), its non-null branch.
     */
    public static JsonNode target(JsonNode root, JsonNode property) {
        if (property.has("$ref")) {
            return resolve(root, property.get("$ref").asString());
        }
        if (property.has("anyOf")) {
            for (JsonNode branch : property.get("anyOf")) {
                if (!isNullType(branch)) {
                    return target(root, branch);
                }
            }
        }
        return property;
    }

    public static boolean isNullType(JsonNode node) {
        return node.has("type") && node.get("type").isString() && "null".equals(node.get("type").asString());
    }

    public static List<String> names(JsonNode arrayOrObject) {
        List<String> names = new ArrayList<>();
        if (arrayOrObject == null) {
            return names;
        }
        if (arrayOrObject.isArray()) {
            arrayOrObject.forEach(n -> names.add(n.isNull() ? null : n.asString()));
        } else {
            Iterator<String> it = arrayOrObject.propertyNames().iterator();
            it.forEachRemaining(names::add);
        }
        return names;
    }
}

package io.switchboard.contracts;

import java.net.URI;
import java.util.Objects;

/**
 * One kind of event: its CloudEvents {@code type}, the topic it is published to, the record that
 * carries its data and the JSON Schema that record validates against.
 *
 * <p>Consumers dispatch on {@link #type()}, never on a Java class name, so the wire format is not
 * tied to packages.
 */
public record EventType<T extends EventData>(String type, TopicSpec topic, Class<T> dataClass) {

    /** Base of the {@code dataschema} URIs; the same files are published beside the AsyncAPI document. */
    public static final String SCHEMA_BASE = "https://switchboard.io/schemas/";

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
        if (!type.startsWith("switchboard.") || !type.matches("[a-z0-9.]+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event types look like switchboard.<area>.<what>.v<N>: " + type);
        }
    }

    /** Classpath location of this type's JSON Schema inside the contracts jar. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** The CloudEvents {@code dataschema} attribute. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + type + ".json");
    }
}

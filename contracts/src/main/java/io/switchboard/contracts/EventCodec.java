package io.switchboard.contracts;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event records into CloudEvents 1.0 (data as JSON, extensions per {@link CloudEventExtensions})
 * and back. On Kafka the events travel in binary mode through {@code io.cloudevents.kafka}'s
 * serializer: attributes as {@code ce_*} headers, the JSON data as the record value.
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = "application/json";

    private final EventCatalog catalog;
    private final JsonMapper json;

    public EventCodec(EventCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        // Readers tolerate fields they do not know: producers may only ever add optional fields.
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static EventCodec standard() {
        return new EventCodec(EventCatalog.standard());
    }

    public EventCatalog catalog() {
        return catalog;
    }

    public CloudEvent encode(EventData data, EventMetadata meta) {
        EventType<?> type = catalog.forData(data.getClass());
        return envelope(type.type(), type.dataSchema(), data.subject(), data.practiceId(), toJson(data), meta);
    }

    /**
     * The CloudEvent for already-serialised data: what {@link #encode} builds, for callers (the
     * outbox relay) that stored the JSON and the attributes rather than the record.
     */
    public static CloudEvent envelope(String type, URI dataSchema, String subject, UUID practiceId, byte[] json,
                                      EventMetadata meta) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(meta.id().toString())
                .withSource(URI.create(meta.source()))
                .withType(type)
                .withTime(meta.time().atOffset(ZoneOffset.UTC))
                .withSubject(subject)
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(dataSchema)
                .withExtension(CloudEventExtensions.PRACTICE_ID, practiceId.toString())
                .withData(json);
        if (meta.correlationId() != null) {
            builder.withExtension(CloudEventExtensions.CORRELATION_ID, meta.correlationId());
        }
        if (meta.causationId() != null) {
            builder.withExtension(CloudEventExtensions.CAUSATION_ID, meta.causationId());
        }
        if (meta.traceparent() != null) {
            builder.withExtension(CloudEventExtensions.TRACEPARENT, meta.traceparent());
        }
        return builder.build();
    }

    /** The event's data as its record; fails with {@link UnknownEventTypeException} for a type not in the catalog. */
    public EventData decode(CloudEvent event) {
        EventType<?> type = catalog.forType(event.getType())
                .orElseThrow(() -> new UnknownEventTypeException(event.getType()));
        return decode(event, type);
    }

    public <T extends EventData> T decode(CloudEvent event, EventType<T> type) {
        if (!type.type().equals(event.getType())) {
            throw new IllegalArgumentException("expected " + type.type() + " but got " + event.getType());
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
        return json.readValue(event.getData().toBytes(), type.dataClass());
    }

    public byte[] toJson(EventData data) {
        return json.writeValueAsBytes(data);
    }

    public <T extends EventData> T fromJson(byte[] bytes, Class<T> dataClass) {
        return json.readValue(bytes, dataClass);
    }

    /** The practice an event belongs to, from its {@code practiceid} extension. */
    public static UUID practiceId(CloudEvent event) {
        Object value = event.getExtension(CloudEventExtensions.PRACTICE_ID);
        return value == null ? null : UUID.fromString(value.toString());
    }

    /** Raised for a CloudEvents type this catalog does not know; consumers dead-letter such events. */
    public static final class UnknownEventTypeException extends RuntimeException {
        public UnknownEventTypeException(String type) {
            super("unknown event type: " + type);
        }
    }
}

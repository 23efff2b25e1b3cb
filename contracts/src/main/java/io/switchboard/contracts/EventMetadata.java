package io.switchboard.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope attributes of one event besides its data: who produced it, when, and which request
 * or event caused it.
 *
 * @param id            CloudEvents id; consumers deduplicate on it
 * @param source        CloudEvents source, e.g. {@code /switchboard/register-service}
 * @param time          when the change happened (the transaction that recorded it)
 * @param correlationId the request that started the chain, may be {@code null}
 * @param causationId   the event or request that directly caused this one, may be {@code null}
 * @param traceparent   W3C trace context, may be {@code null}
 */
public record EventMetadata(UUID id, String source, Instant time, String correlationId, String causationId,
                            String traceparent) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    /** A fresh event id and the current time; correlation and causation as given. */
    public static EventMetadata now(String source, String correlationId, String causationId) {
        return new EventMetadata(UUID.randomUUID(), source, Instant.now(), correlationId, causationId, null);
    }
}

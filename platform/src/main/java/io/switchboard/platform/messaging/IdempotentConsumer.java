package io.switchboard.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.platform.correlation.Correlation;

/**
 * Runs a consumer's effect at most once per event id: the processed-event row and the effect commit
 * in one transaction, so a redelivered event (Kafka delivers at least once) is recognised and skipped,
 * and an effect that fails leaves no row behind and is tried again.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Runs {@code effect} for {@code event} unless {@code consumer} already processed it, with the
     * event's correlation id and the event itself as causation for anything the effect publishes.
     *
     * @return {@code true} when the effect ran, {@code false} for a duplicate
     */
    public boolean handle(String consumer, CloudEvent event, Runnable effect) {
        Object correlation = event.getExtension(CloudEventExtensions.CORRELATION_ID);
        try (Correlation.Scope ignored = Correlation.open(
                correlation == null ? event.getId() : correlation.toString(), event.getId())) {
            return handle(consumer, event.getId(), effect);
        }
    }

    /** As {@link #handle(String, CloudEvent, Runnable)} for an id that is not a CloudEvent's. */
    public boolean handle(String consumer, String eventId, Runnable effect) {
        Boolean ran = tx.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into processed_event (consumer, event_id) values (:consumer, :eventId)
                    on conflict do nothing
                    """)
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}

package io.switchboard.platform.outbox;

import java.sql.Timestamp;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.EventType;
import io.switchboard.platform.correlation.Correlation;

/**
 * Records events in the same database transaction as the change they describe; the
 * {@link OutboxRelay} publishes them after commit. Business code never calls this directly: it
 * publishes the event record with Spring's {@code ApplicationEventPublisher} inside its
 * {@code @Transactional} method, and {@link #on(EventData)} records it.
 */
public class Outbox {

    private static final Object WAKE_KEY = new Object();

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String source;
    private final Runnable wakeRelay;

    public Outbox(JdbcClient jdbc, EventCodec codec, String source, Runnable wakeRelay) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.codec = Objects.requireNonNull(codec);
        this.source = Objects.requireNonNull(source);
        this.wakeRelay = Objects.requireNonNull(wakeRelay);
    }

    /** Receives every {@link EventData} published through the application context. */
    @EventListener
    public void on(EventData data) {
        record(data);
    }

    /**
     * Records {@code data} in the current transaction and returns its event id.
     *
     * @throws IllegalStateException when no transaction is active: an event outside a transaction
     *                               could be published for a change that never commits
     */
    public UUID record(EventData data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are recorded in the transaction of the change they describe; "
                    + "publish " + data.getClass().getSimpleName() + " inside a @Transactional method");
        }
        EventType<?> type = codec.catalog().forData(data.getClass());
        EventMetadata meta = EventMetadata.now(source, Correlation.correlationId(), Correlation.causationId());
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, practice_id,
                                          occurred_at, data_schema, correlation_id, causation_id, traceparent, data)
                values (:eventId, :topic, :key, :type, :source, :subject, :practiceId,
                        :occurredAt, :dataSchema, :correlationId, :causationId, :traceparent, :data)
                """)
                .param("eventId", meta.id())
                .param("topic", type.topic().name())
                .param("key", data.subject())
                .param("type", type.type())
                .param("source", meta.source())
                .param("subject", data.subject())
                .param("practiceId", data.practiceId())
                .param("occurredAt", Timestamp.from(meta.time()))
                .param("dataSchema", type.dataSchema().toString())
                .param("correlationId", meta.correlationId())
                .param("causationId", meta.causationId())
                .param("traceparent", meta.traceparent())
                .param("data", codec.toJson(data))
                .update();
        wakeRelayAfterCommit();
        return meta.id();
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_KEY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_KEY, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
            }
        });
    }
}

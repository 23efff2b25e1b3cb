package io.switchboard.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventMetadata;

/**
 * Publishes recorded outbox rows to Kafka in the order they were recorded and deletes them once the
 * broker has acknowledged them.
 *
 * <p>One relay drains a schema's outbox at a time (a PostgreSQL advisory lock), so several instances
 * of a service never interleave and the events of one aggregate keep their order. A commit wakes the
 * relay at once; a timer catches anything a wake-up missed, including rows left by a process that
 * died between commit and publish. A crash after sending but before deleting sends those rows again
 * on the next round: delivery is at least once, and consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaOperations<String, CloudEvent> kafka;
    private final OutboxProperties properties;
    private final Timer commitToBroker;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaOperations<String, CloudEvent> kafka,
                       OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.commitToBroker = Timer.builder("switchboard.outbox.commit.to.broker")
                .description("Time from recording an event to the broker acknowledging it")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Asks the relay to look for rows now rather than at its next poll. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer and the data source are closed.
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        while (running) {
            try {
                int sent = drainOnce();
                if (sent < properties.batchSize()) {
                    await(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                log.warn("outbox relay could not publish, retrying in {}: {}", properties.retryBackoff(), e.toString());
                await(properties.retryBackoff());
            }
        }
    }

    private void await(Duration timeout) {
        try {
            if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Sends one batch and deletes it, in one transaction holding this schema's relay lock.
     *
     * @return how many rows were published (0 when another instance holds the lock)
     */
    int drainOnce() {
        Integer sent = tx.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('switchboard.outbox.' || current_schema()))")
                    .query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.sql("""
                    select id, event_id, topic, event_key, event_type, source, subject, practice_id, occurred_at,
                           data_schema, correlation_id, causation_id, traceparent, data, recorded_at
                    from outbox_event order by id limit :limit
                    """)
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                            rs.getString("topic"), rs.getString("event_key"), rs.getString("event_type"),
                            rs.getString("source"), rs.getString("subject"), rs.getObject("practice_id", UUID.class),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("data_schema"),
                            rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("traceparent"),
                            rs.getBytes("data"), rs.getTimestamp("recorded_at").toInstant()))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            jdbc.sql("delete from outbox_event where id = any(:ids)")
                    .param("ids", rows.stream().map(OutboxRow::id).toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void publish(List<OutboxRow> rows) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            acks[i] = kafka.send(new ProducerRecord<>(row.topic(), row.key(), toCloudEvent(row)))
                    .thenRun(() -> commitToBroker.record(Duration.between(row.recordedAt(), Instant.now())));
        }
        try {
            CompletableFuture.allOf(acks).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge the outbox batch", e);
        }
    }

    private static CloudEvent toCloudEvent(OutboxRow row) {
        EventMetadata meta = new EventMetadata(row.eventId(), row.source(), row.occurredAt(), row.correlationId(),
                row.causationId(), row.traceparent());
        return EventCodec.envelope(row.type(), URI.create(row.dataSchema()), row.subject(), row.practiceId(),
                row.data(), meta);
    }

    private record OutboxRow(long id, UUID eventId, String topic, String key, String type, String source,
                             String subject, UUID practiceId, Instant occurredAt, String dataSchema,
                             String correlationId, String causationId, String traceparent, byte[] data,
                             Instant recordedAt) {
    }
}

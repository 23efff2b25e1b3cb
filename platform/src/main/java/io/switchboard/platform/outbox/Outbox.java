package io.switchboard.platform.outbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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

    /** Rows per multi-row insert: 13 parameters each, well inside PostgreSQL's 65,535 bind parameters. */
    private static final int ROWS_PER_INSERT = 1000;

    private static final String COLUMNS = """
            insert into outbox_event (event_id, topic, event_key, event_type, source, subject, practice_id,
                                      occurred_at, data_schema, correlation_id, causation_id, traceparent, data)
            values """;

    /** This outbox's rows of the current transaction (a key per instance: a test may run two outboxes). */
    private final Object pendingKey = new Object();
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
     * Records {@code data} in the current transaction and returns its event id. The row is written with the
     * transaction's other outbox rows in one statement just before it commits (in the order they were recorded), so
     * a transaction publishing many events pays one database round trip for them, not one each; if it rolls back,
     * none is written.
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
        pending().add(new Row(meta, type, data, codec.toJson(data)));
        return meta.id();
    }

    private record Row(EventMetadata meta, EventType<?> type, EventData data, byte[] json) {
    }

    @SuppressWarnings("unchecked")
    private List<Row> pending() {
        List<Row> rows = (List<Row>) TransactionSynchronizationManager.getResource(pendingKey);
        if (rows != null) {
            return rows;
        }
        List<Row> created = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(pendingKey, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                write(created);
            }

            @Override
            public void afterCommit() {
                wakeRelay.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
            }
        });
        return created;
    }

    private void write(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(COLUMNS);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",\n").append(String.format("(:eventId%1$d, :topic%1$d, :key%1$d, :type%1$d,"
                        + " :source%1$d, :subject%1$d, :practiceId%1$d, :occurredAt%1$d, :dataSchema%1$d,"
                        + " :correlationId%1$d, :causationId%1$d, :traceparent%1$d, :data%1$d)", i));
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Row row = chunk.get(i);
                statement = statement
                        .param("eventId" + i, row.meta().id())
                        .param("topic" + i, row.type().topic().name())
                        .param("key" + i, row.data().subject())
                        .param("type" + i, row.type().type())
                        .param("source" + i, row.meta().source())
                        .param("subject" + i, row.data().subject())
                        .param("practiceId" + i, row.data().practiceId())
                        .param("occurredAt" + i, Timestamp.from(row.meta().time()))
                        .param("dataSchema" + i, row.type().dataSchema().toString())
                        .param("correlationId" + i, row.meta().correlationId())
                        .param("causationId" + i, row.meta().causationId())
                        .param("traceparent" + i, row.meta().traceparent())
                        .param("data" + i, row.json());
            }
            statement.update();
        }
    }
}

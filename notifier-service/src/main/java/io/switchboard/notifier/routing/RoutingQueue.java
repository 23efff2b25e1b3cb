package io.switchboard.notifier.routing;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.platform.security.TenantJdbc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correspondence events taken in but not routed yet ({@code routing_queue}), each stored whole (attributes,
 * extensions, data) so the fair router can rebuild the CloudEvent. Statements that pick the next practice span
 * practices by design (the router serves them all, in turn); everything about one practice's events is scoped to it.
 */
@Component
class RoutingQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> EXTENSIONS = new TypeReference<>() {
    };

    private final TenantJdbc tenantJdbc;
    private final JdbcClient jdbc;

    RoutingQueue(TenantJdbc tenantJdbc) {
        this.tenantJdbc = tenantJdbc;
        this.jdbc = tenantJdbc.unscoped();
    }

    /** An event waiting to be routed; {@code attempts} failed routings so far. */
    record Queued(long id, UUID practiceId, CloudEvent event, int attempts) {
    }

    /**
     * Stores {@code event} for {@code practiceId} unless an event with its id is already queued (a redelivery).
     *
     * @return whether it was stored
     */
    boolean store(UUID practiceId, CloudEvent event) {
        Map<String, String> extensions = new LinkedHashMap<>();
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null) {
                extensions.put(name, value.toString());
            }
        }
        return tenantJdbc.sql(practiceId, """
                insert into routing_queue (event_id, event_type, practice_id, source, subject, occurred_at,
                                           data_content_type, data_schema, extensions, data)
                values (:eventId, :type, :practiceId, :source, :subject, :occurredAt, :contentType, :dataSchema,
                        cast(:extensions as jsonb), :data)
                on conflict (event_id) do nothing
                """)
                .param("eventId", event.getId())
                .param("type", event.getType())
                .param("source", event.getSource().toString())
                .param("subject", event.getSubject())
                .param("occurredAt", event.getTime() == null ? null : Timestamp.from(event.getTime().toInstant()))
                .param("contentType", event.getDataContentType())
                .param("dataSchema", event.getDataSchema() == null ? null : event.getDataSchema().toString())
                .param("extensions", JSON.writeValueAsString(extensions))
                .param("data", event.getData() == null ? null : event.getData().toBytes())
                .update() == 1;
    }

    /**
     * The practices with queued events, the one whose oldest event is oldest first — the order of one round.
     * Across practices on purpose: this is where the router decides whose turn it is.
     */
    List<UUID> practicesInTurn(int limit) {
        return jdbc.sql("""
                select practice_id from routing_queue group by practice_id order by min(id) limit :limit
                """)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes {@code practiceId} for the current transaction: {@code false} while another router (another instance)
     * holds it, so two instances never route one practice at once and its order holds.
     */
    boolean tryLock(UUID practiceId) {
        return Boolean.TRUE.equals(tenantJdbc.sql(practiceId, """
                select pg_try_advisory_xact_lock(hashtextextended('routing_queue:' || cast(:practiceId as text), 0))
                """).query(Boolean.class).single());
    }

    /**
     * The practice's oldest queued events, at most {@code limit}, in arrival order, up to the first that is not due:
     * an event waiting out a retry holds back the practice's later events (their order matters), not other practices'.
     */
    List<Queued> due(UUID practiceId, int limit) {
        List<Queued> due = new java.util.ArrayList<>();
        for (Queued queued : tenantJdbc.sql(practiceId, """
                select id, event_id, event_type, practice_id, source, subject, occurred_at, data_content_type,
                       data_schema, cast(extensions as text) as extensions, data, attempts, not_before <= clock_timestamp() as due
                from routing_queue where practice_id = :practiceId order by id limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> rs.getBoolean("due") ? new Queued(rs.getLong("id"),
                        rs.getObject("practice_id", UUID.class), event(rs), rs.getInt("attempts")) : null)
                .list()) {
            if (queued == null) {
                break;
            }
            due.add(queued);
        }
        return due;
    }

    void delete(UUID practiceId, long id) {
        delete(practiceId, List.of(id));
    }

    void delete(UUID practiceId, List<Long> ids) {
        tenantJdbc.sql(practiceId, "delete from routing_queue where id in (:ids) and practice_id = :practiceId")
                .param("ids", ids)
                .update();
    }

    /** A routing of the event failed: try again after {@code backoff}. */
    void retryLater(UUID practiceId, long id, Duration backoff, String error) {
        tenantJdbc.sql(practiceId, """
                update routing_queue set attempts = attempts + 1, last_error = :error,
                       not_before = clock_timestamp() + cast(:backoffMs || ' milliseconds' as interval)
                where id = :id and practice_id = :practiceId
                """)
                .param("id", id)
                .param("error", error)
                .param("backoffMs", Long.toString(backoff.toMillis()))
                .update();
    }

    /** Events waiting to be routed, all practices: the depth gauge. */
    long depth() {
        return jdbc.sql("select count(*) from routing_queue").query(Long.class).single();
    }

    private static CloudEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(rs.getString("event_id"))
                .withType(rs.getString("event_type"))
                .withSource(URI.create(rs.getString("source")));
        if (rs.getString("subject") != null) {
            builder.withSubject(rs.getString("subject"));
        }
        Timestamp occurredAt = rs.getTimestamp("occurred_at");
        if (occurredAt != null) {
            builder.withTime(occurredAt.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (rs.getString("data_schema") != null) {
            builder.withDataSchema(URI.create(rs.getString("data_schema")));
        }
        Map<String, String> extensions = JSON.readValue(rs.getString("extensions"), EXTENSIONS);
        extensions.forEach(builder::withExtension);
        byte[] data = rs.getBytes("data");
        if (data != null) {
            builder.withData(rs.getString("data_content_type"), data);
        } else if (rs.getString("data_content_type") != null) {
            builder.withDataContentType(rs.getString("data_content_type"));
        }
        return builder.build();
    }
}

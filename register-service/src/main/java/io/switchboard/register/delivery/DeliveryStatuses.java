package io.switchboard.register.delivery;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.platform.security.TenantJdbc;

/** Per entry, the latest known status of every notification about it, kept from delivery reports. */
@Service
public class DeliveryStatuses {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatuses.class);

    private static final RowMapper<DeliveryStatus> ROW = (rs, n) -> new DeliveryStatus(
            rs.getObject("notification_id", UUID.class),
            rs.getString("channel") == null ? null : NotificationChannel.valueOf(rs.getString("channel")),
            rs.getString("target"),
            DeliveryOutcome.valueOf(rs.getString("outcome")),
            rs.getString("reason") == null ? null : DeliveryReason.valueOf(rs.getString("reason")),
            rs.getString("reason_text"),
            rs.getString("provider_message_id"),
            rs.getInt("attempts"),
            rs.getTimestamp("requested_at").toInstant(),
            rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant());

    private final TenantJdbc jdbc;

    DeliveryStatuses(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry's deliveries, oldest request first; the caller has checked the entry is theirs. */
    @Transactional(readOnly = true)
    public List<DeliveryStatus> forEntry(UUID entryId) {
        return jdbc.sql("""
                select notification_id, channel, target, outcome, reason, reason_text, provider_message_id, attempts,
                       requested_at, completed_at
                from entry_delivery where entry_id = :entryId and practice_id = :practiceId
                order by requested_at, notification_id
                """).param("entryId", entryId).query(ROW).list();
    }

    /**
     * Applies a report about a correspondence entry of the report's practice; reports about anything
     * else, or about an entry this practice does not have, are ignored.
     */
    @Transactional
    public void apply(DeliveryReported report) {
        if (report.source().kind() != SourceKind.CORRESPONDENCE_ENTRY) {
            return;
        }
        UUID practiceId = report.practiceId();
        UUID entryId = report.source().id();
        boolean known = jdbc.sql(practiceId, "select count(*) from correspondence_entry where id = :id and practice_id = :practiceId")
                .param("id", entryId).query(Integer.class).single() > 0;
        if (!known) {
            log.info("delivery report {} is about entry {} which practice {} does not have; ignored",
                    report.notificationId(), entryId, practiceId);
            return;
        }
        Optional<DeliveryStatus> current = current(practiceId, entryId, report.notificationId());
        DeliveryStatus next = current.map(status -> status.apply(report)).orElseGet(() -> DeliveryStatus.of(report));
        if (current.isPresent() && current.get().equals(next)) {
            return;
        }
        jdbc.sql(practiceId, """
                insert into entry_delivery (notification_id, practice_id, entry_id, channel, target, outcome, reason,
                                            reason_text, provider_message_id, attempts, requested_at, completed_at)
                values (:notificationId, :practiceId, :entryId, :channel, :target, :outcome, :reason, :reasonText,
                        :providerMessageId, :attempts, :requestedAt, :completedAt)
                on conflict (notification_id) do update set
                    channel = excluded.channel, target = excluded.target, outcome = excluded.outcome,
                    reason = excluded.reason, reason_text = excluded.reason_text,
                    provider_message_id = excluded.provider_message_id, attempts = excluded.attempts,
                    requested_at = excluded.requested_at, completed_at = excluded.completed_at, updated_at = now()
                where entry_delivery.practice_id = :practiceId
                """)
                .param("notificationId", next.notificationId())
                .param("entryId", entryId)
                .param("channel", next.channel() == null ? null : next.channel().name())
                .param("target", next.target())
                .param("outcome", next.outcome().name())
                .param("reason", next.reason() == null ? null : next.reason().name())
                .param("reasonText", next.reasonText())
                .param("providerMessageId", next.providerMessageId())
                .param("attempts", next.attempts())
                .param("requestedAt", Timestamp.from(next.requestedAt()))
                .param("completedAt", next.completedAt() == null ? null : Timestamp.from(next.completedAt()))
                .update();
    }

    private Optional<DeliveryStatus> current(UUID practiceId, UUID entryId, UUID notificationId) {
        // Locked: two reports of one notification share a partition, but a rebalance may still overlap them.
        return jdbc.sql(practiceId, """
                select notification_id, channel, target, outcome, reason, reason_text, provider_message_id, attempts,
                       requested_at, completed_at
                from entry_delivery where notification_id = :id and practice_id = :practiceId for update
                """).param("id", notificationId).query(ROW).optional();
    }
}

package io.switchboard.notifier.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
import io.switchboard.platform.security.TenantJdbc;

/**
 * The delivery ledger and durable per-target queue, keyed by notification id. The row decides: a command
 * already in the ledger is never queued again, and a row leaves PENDING only by a committed claim, so a
 * redelivered or duplicated command never reaches the provider twice.
 */
@Component
public class Ledger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ledger.class);

    private final TenantJdbc tenantJdbc;
    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final DeliveryReports reports;

    public Ledger(TenantJdbc tenantJdbc, EventCodec codec, DeliveryReports reports) {
        this.tenantJdbc = tenantJdbc;
        this.jdbc = tenantJdbc.unscoped();
        this.codec = codec;
        this.reports = reports;
    }

    public record Claimed(UUID notificationId, NotificationChannel channel, String paceKey, String workspaceKey,
                          NotificationRequest command, int attempts) {
    }

    public record DueKey(String paceKey, String workspaceKey) {
    }

    /** Queues a command (PENDING, due now) unless its notification id is already in the ledger. */
    public boolean accept(NotificationRequest command) {
        return insert(command, "PENDING", 0);
    }

    /**
     * For an {@link ChannelSender#immediate() immediate} channel (the in-app inbox, a write to our own database):
     * records the command, sends it and records the outcome and its report, all in the caller's transaction — the
     * consumer's dedupe transaction. There is no crash window (the effect, the ledger row, the report in the outbox
     * and the processed-event row commit together or not at all) and no pacing or drainer hop. A command already in
     * the ledger does nothing.
     *
     * @return {@code true} when this call delivered it, {@code false} for a duplicate
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deliverNow(NotificationRequest command, ChannelSender sender) {
        if (!sender.immediate() || sender.channel() != command.channel()) {
            throw new IllegalArgumentException(sender.channel() + " is not an immediate sender of " + command.channel());
        }
        if (!insert(command, "SENDING", 1)) {
            return false;
        }
        Claimed claimed = new Claimed(command.notificationId(), command.channel(), Targets.paceKey(command),
                Targets.workspaceKey(command), command, 1);
        SendReceipt receipt = sender.send(command);
        switch (receipt.status()) {
            case DELIVERED -> complete(claimed, DeliveryOutcome.DELIVERED, null, null, receipt.providerMessageId());
            case PERMANENT -> complete(claimed, DeliveryOutcome.FAILED, receipt.reason(), receipt.reasonText(), null);
            case NOT_SENT -> complete(claimed, DeliveryOutcome.NOT_SENT, receipt.reason(), receipt.reasonText(), null);
            // Our own database failing is not a provider's transient state: roll back and let Kafka redeliver.
            default -> throw new IllegalStateException("immediate delivery of " + command.notificationId()
                    + " failed: " + receipt.reasonText());
        }
        return true;
    }

    private boolean insert(NotificationRequest command, String status, int attempts) {
        return tenantJdbc.sql(practiceId(command), """
                insert into delivery (notification_id, practice_id, channel, pace_key, workspace_key, target, command,
                                      status, attempts, not_before, requested_at, source_id, updates_notification_id)
                values (:id, :practiceId, :channel, :paceKey, :workspaceKey, :target, :command, :status, :attempts,
                        now(), :requestedAt, :sourceId, :updates)
                on conflict (notification_id) do nothing
                """)
                .param("sourceId", command.source().id())
                .param("updates", updatesNotificationId(command))
                .param("status", status)
                .param("attempts", attempts)
                .param("id", command.notificationId())
                .param("channel", command.channel().name())
                .param("paceKey", Targets.paceKey(command))
                .param("workspaceKey", Targets.workspaceKey(command))
                .param("target", Targets.label(command))
                .param("command", codec.toJson(command))
                .param("requestedAt", Timestamp.from(command.requestedAt()))
                .update() == 1;
    }

    /** Targets with a due row, oldest first (the drainer takes at most one per target per pass: round-robin). */
    public List<DueKey> dueKeys(NotificationChannel channel, int limit) {
        return jdbc.sql("""
                select pace_key, workspace_key from delivery
                where channel = :channel and status = 'PENDING' and not_before <= now()
                group by pace_key, workspace_key
                order by min(not_before)
                limit :limit
                """)
                .param("channel", channel.name())
                .param("limit", limit)
                .query((rs, n) -> new DueKey(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** A due row as {@link #peekNext} read it, not claimed. */
    public record Due(UUID notificationId, NotificationRequest command) {
    }

    /**
     * The target's oldest due row, read without claiming it: the worker gets ready for it (a token, see
     * {@link ChannelSender#prepare}) while the row stays PENDING, then {@link #claim claims} it. Not scoped to a
     * practice: the drainer serves them all, and a pace key names one practice's target.
     */
    public Optional<Due> peekNext(String paceKey) {
        return jdbc.sql("""
                select notification_id, channel, command from delivery
                where pace_key = :paceKey and status = 'PENDING' and not_before <= now()
                order by requested_at, accepted_at
                limit 1
                """)
                .param("paceKey", paceKey)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class),
                        decode(NotificationChannel.valueOf(rs.getString(2)), rs.getBytes(3))))
                .optional();
    }

    /**
     * Claims the row {@link #peekNext} read, if it is still due and nobody else holds it: SENDING with a lease,
     * attempts + 1, committed before the provider is called. Empty when another instance claimed it meanwhile.
     */
    @Transactional
    public Optional<Claimed> claim(Due due, Duration lease) {
        return jdbc.sql("""
                update delivery set status = 'SENDING', attempts = attempts + 1,
                                    lease_until = now() + make_interval(secs => :leaseSeconds), updated_at = now()
                where notification_id = (
                    select notification_id from delivery
                    where notification_id = :id and status = 'PENDING' and not_before <= now()
                    for update skip locked)
                returning notification_id, channel, pace_key, workspace_key, command, attempts
                """)
                .param("id", due.notificationId())
                .param("leaseSeconds", (double) lease.toMillis() / 1000.0)
                .query((rs, n) -> {
                    NotificationChannel channel = NotificationChannel.valueOf(rs.getString(2));
                    return new Claimed(rs.getObject(1, UUID.class), channel, rs.getString(3), rs.getString(4),
                            decode(channel, rs.getBytes(5)), rs.getInt(6));
                })
                .optional();
    }

    /** Records a final outcome and its report in one transaction (only if this worker still holds the claim). */
    @Transactional
    public void complete(Claimed claimed, DeliveryOutcome outcome, DeliveryReason reason, String reasonText,
                         String providerMessageId) {
        complete(claimed, outcome, reason, reasonText, providerMessageId, null);
    }

    /**
     * Records a final outcome and its report in one transaction (only if this worker still holds the claim).
     *
     * <p>An {@link #isEdit edit} of an earlier post publishes no report: the register shows one delivery status per
     * notification it asked for, and an edit is not a new delivery (its notification id was never reported QUEUED,
     * so a report would show up as a stray delivery). Its row here is the record; a failed edit is logged (ids and
     * the provider's error code only). One exception: an edit the provider refused because the practice's token is
     * no longer valid ({@code CONNECTION_NEEDS_REAUTH}) is reported, because that report is how integration-service
     * learns the connection is broken (P8) — the entry then shows that its post could not be updated, and why.
     *
     * @param providerChannelId the conversation a chat post landed in (kept so a later edit can address it)
     */
    @Transactional
    public void complete(Claimed claimed, DeliveryOutcome outcome, DeliveryReason reason, String reasonText,
                         String providerMessageId, String providerChannelId) {
        Instant now = Instant.now();
        int updated = jdbc.sql("""
                update delivery set status = :status, reason = :reason, reason_text = :reasonText,
                                    provider_message_id = :messageId, provider_channel_id = :channelId,
                                    completed_at = :now, lease_until = null, updated_at = now()
                where notification_id = :id and status = 'SENDING'
                """)
                .param("status", outcome.name())
                .param("reason", reason == null ? null : reason.name())
                .param("reasonText", reasonText)
                .param("messageId", providerMessageId)
                .param("channelId", providerChannelId)
                .param("now", Timestamp.from(now))
                .param("id", claimed.notificationId())
                .update();
        if (updated != 1) {
            return;
        }
        if (isEdit(claimed.command())) {
            if (outcome != DeliveryOutcome.DELIVERED) {
                log.warn("edit {} of notification {} ended {}: {} {}", claimed.notificationId(),
                        updatesNotificationId(claimed.command()), outcome, reason, reasonText);
            }
            if (outcome != DeliveryOutcome.FAILED || reason != DeliveryReason.CONNECTION_NEEDS_REAUTH) {
                return;
            }
        }
        reports.publish(report(claimed.command(), outcome, reason, reasonText, providerMessageId,
                claimed.attempts(), now));
    }

    /**
     * Puts a claimed row back in the queue, due after {@code delay}, because something it depends on is not done yet
     * (an edit whose post is still queued). Not an attempt: the claim's attempt is given back.
     */
    @Transactional
    public void waitFor(Claimed claimed, Duration delay, String reasonText) {
        jdbc.sql("""
                update delivery set status = 'PENDING', lease_until = null, attempts = greatest(attempts - 1, 0),
                                    reason_text = :reasonText,
                                    not_before = now() + make_interval(secs => :delaySeconds), updated_at = now()
                where notification_id = :id and status = 'SENDING'
                """)
                .param("reasonText", reasonText)
                .param("delaySeconds", (double) delay.toMillis() / 1000.0)
                .param("id", claimed.notificationId())
                .update();
    }

    /** A Slack post as the ledger holds it, for an edit of it. */
    public record SlackPost(UUID notificationId, String status, String ts, String providerChannelId,
                            SlackNotificationRequested command) {
    }

    /** One Slack notification of the practice (its row's status, ts, conversation and command), if any. */
    public Optional<SlackPost> slackPost(UUID practiceId, UUID notificationId) {
        return tenantJdbc.sql(practiceId, """
                select notification_id, status, provider_message_id, provider_channel_id, command from delivery
                where practice_id = :practiceId and notification_id = :id and channel = 'SLACK'
                """)
                .param("id", notificationId)
                .query((rs, n) -> new SlackPost(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), codec.fromJson(rs.getBytes(5), SlackNotificationRequested.class)))
                .optional();
    }

    /**
     * The Slack posts issued about a source record (a correspondence entry): delivered or still queued, not failed,
     * and not themselves edits. Oldest first.
     */
    public List<SlackPost> slackPostsAbout(UUID practiceId, UUID sourceId) {
        return tenantJdbc.sql(practiceId, """
                select notification_id, status, provider_message_id, provider_channel_id, command from delivery
                where practice_id = :practiceId and channel = 'SLACK' and source_id = :sourceId
                  and updates_notification_id is null and status in ('PENDING', 'SENDING', 'DELIVERED')
                order by requested_at, accepted_at
                """)
                .param("sourceId", sourceId)
                .query((rs, n) -> new SlackPost(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), codec.fromJson(rs.getBytes(5), SlackNotificationRequested.class)))
                .list();
    }

    /** A command that edits an earlier post rather than delivering a notification of its own. */
    public static boolean isEdit(NotificationRequest command) {
        return updatesNotificationId(command) != null;
    }

    private static UUID updatesNotificationId(NotificationRequest command) {
        return command instanceof SlackNotificationRequested s ? s.updatesNotificationId() : null;
    }

    /**
     * Pins a claimed delivery to one path ({@code GMAIL}, {@code SMTP}) after an attempt there whose outcome is
     * unknown: its retries must not switch paths, or a message the first path did accept would go out twice.
     */
    public void pinRoute(UUID notificationId, String route) {
        jdbc.sql("update delivery set route = :route, updated_at = now() where notification_id = :id and status = 'SENDING'")
                .param("route", route)
                .param("id", notificationId)
                .update();
    }

    /** The path an earlier attempt pinned this delivery to, if any. */
    public Optional<String> pinnedRoute(UUID notificationId) {
        return jdbc.sql("select route from delivery where notification_id = :id and route is not null")
                .param("id", notificationId)
                .query(String.class)
                .optional();
    }

    /** Puts a claimed row back in the queue, due after {@code delay} (a transient failure or a 429). */
    @Transactional
    public void retryLater(Claimed claimed, Duration delay, DeliveryReason reason, String reasonText) {
        jdbc.sql("""
                update delivery set status = 'PENDING', lease_until = null, reason = :reason, reason_text = :reasonText,
                                    not_before = now() + make_interval(secs => :delaySeconds), updated_at = now()
                where notification_id = :id and status = 'SENDING'
                """)
                .param("reason", reason == null ? null : reason.name())
                .param("reasonText", reasonText)
                .param("delaySeconds", (double) delay.toMillis() / 1000.0)
                .param("id", claimed.notificationId())
                .update();
    }

    /**
     * The crash window: a row still SENDING after its lease belongs to a worker that died after claiming, maybe
     * after the provider accepted the message. We never re-send it (a second Slack message is worse than a
     * reported failure): it becomes FAILED "outcome unknown" and the report says so, for a person to check.
     */
    @Transactional
    public int abandonExpiredLeases() {
        List<Claimed> expired = jdbc.sql("""
                update delivery set status = 'FAILED', reason = 'PROVIDER_ERROR',
                                    reason_text = 'outcome unknown: the worker stopped while sending',
                                    completed_at = now(), lease_until = null, updated_at = now()
                where notification_id in (
                    select notification_id from delivery where status = 'SENDING' and lease_until < now()
                    for update skip locked)
                returning notification_id, channel, pace_key, workspace_key, command, attempts
                """)
                .query((rs, n) -> {
                    NotificationChannel channel = NotificationChannel.valueOf(rs.getString(2));
                    return new Claimed(rs.getObject(1, UUID.class), channel, rs.getString(3), rs.getString(4),
                            decode(channel, rs.getBytes(5)), rs.getInt(6));
                })
                .list();
        Instant now = Instant.now();
        for (Claimed c : expired) {
            if (isEdit(c.command())) {
                log.warn("edit {} of notification {}: outcome unknown, the worker stopped while sending",
                        c.notificationId(), updatesNotificationId(c.command()));
                continue;
            }
            reports.publish(report(c.command(), DeliveryOutcome.FAILED, DeliveryReason.PROVIDER_ERROR,
                    "outcome unknown: the worker stopped while sending", null, c.attempts(), now));
        }
        return expired.size();
    }

    public long queueDepth() {
        Long depth = jdbc.sql("select count(*) from delivery where status in ('PENDING', 'SENDING')")
                .query(Long.class).single();
        return depth == null ? 0 : depth;
    }

    public record Row(String status, int attempts, String providerMessageId, String reason) {
    }

    public Optional<Row> find(UUID practiceId, UUID notificationId) {
        return tenantJdbc.sql(practiceId, """
                select status, attempts, provider_message_id, reason from delivery
                where practice_id = :practiceId and notification_id = :id
                """)
                .param("id", notificationId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public static DeliveryReported report(NotificationRequest command, DeliveryOutcome outcome, DeliveryReason reason,
                                          String reasonText, String providerMessageId, int attempts, Instant completedAt) {
        return new DeliveryReported(command.notificationId(), practiceId(command), command.channel(),
                Targets.label(command), command.source(), command.sourceEventId(), outcome, reason,
                reasonText, providerMessageId, attempts, command.requestedAt(),
                outcome == DeliveryOutcome.QUEUED ? null : completedAt);
    }

    static UUID practiceId(NotificationRequest command) {
        if (command instanceof SlackNotificationRequested s) {
            return s.practiceId();
        }
        if (command instanceof TeamsNotificationRequested t) {
            return t.practiceId();
        }
        if (command instanceof EmailNotificationRequested e) {
            return e.practiceId();
        }
        if (command instanceof InAppNotificationRequested i) {
            return i.practiceId();
        }
        throw new IllegalArgumentException("unsupported command " + command.getClass().getSimpleName());
    }

    private NotificationRequest decode(NotificationChannel channel, byte[] json) {
        return switch (channel) {
            case SLACK -> codec.fromJson(json, SlackNotificationRequested.class);
            case TEAMS -> codec.fromJson(json, TeamsNotificationRequested.class);
            case EMAIL -> codec.fromJson(json, EmailNotificationRequested.class);
            case IN_APP -> codec.fromJson(json, InAppNotificationRequested.class);
            default -> throw new IllegalStateException("no sender for " + channel);
        };
    }
}

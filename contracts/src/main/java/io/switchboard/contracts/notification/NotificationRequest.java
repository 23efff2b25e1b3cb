package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;

/**
 * What every delivery command on a {@code notify.*} topic has in common, so the notifier's
 * channel workers share one ledger and one reporting path.
 *
 * <p>Its {@link #subject()} (the Kafka key) is the practice plus the target: practices spread over
 * the partitions while one target's commands stay in order on one partition.
 */
public interface NotificationRequest extends EventData {

    /** Deterministic id of this command ({@link NotificationIds}); the delivery ledger dedupes on it. */
    UUID notificationId();

    /** CloudEvents id of the event that caused this command. */
    String sourceEventId();

    /** What the notification is about; copied into the delivery report. */
    SourceRef source();

    MessageContent content();

    /** When the router issued the command; the start of the delivery latency. */
    Instant requestedAt();

    /** The channel this command is for. */
    NotificationChannel channel();
}

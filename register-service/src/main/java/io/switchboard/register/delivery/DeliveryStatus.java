package io.switchboard.register.delivery;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;

/**
 * How one notification about an entry fared, as the entry shows it (FEATURES.md R4). Reports can
 * arrive out of order and more than once; {@link #apply} decides which one the entry keeps.
 */
public record DeliveryStatus(UUID notificationId, NotificationChannel channel, String target, DeliveryOutcome outcome,
                             DeliveryReason reason, String reasonText, String providerMessageId, int attempts,
                             Instant requestedAt, Instant completedAt) {

    public static DeliveryStatus of(DeliveryReported report) {
        return new DeliveryStatus(report.notificationId(), report.channel(), report.target(), report.outcome(),
                report.reason(), report.reasonText(), report.providerMessageId(), report.attempts(),
                report.requestedAt(), report.completedAt());
    }

    public boolean isFinal() {
        return outcome != DeliveryOutcome.QUEUED;
    }

    /**
     * This status after {@code report}: a final outcome is never moved back to {@code QUEUED}; between
     * two queued reports the one with more attempts wins, between two final ones the later one.
     */
    public DeliveryStatus apply(DeliveryReported report) {
        if (!report.notificationId().equals(notificationId)) {
            throw new IllegalArgumentException("report for " + report.notificationId() + " applied to " + notificationId);
        }
        DeliveryStatus next = of(report);
        boolean newer;
        if (!next.isFinal()) {
            newer = !isFinal() && next.attempts >= attempts;
        } else if (!isFinal()) {
            newer = true;
        } else {
            newer = !next.completedAt.isBefore(completedAt)
                    && (next.completedAt.isAfter(completedAt) || next.attempts >= attempts);
        }
        return newer ? next : this;
    }
}

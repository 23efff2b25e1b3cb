package io.switchboard.register.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;

/** Delivery reports about one notification of one entry, as the notifier sends them. */
public final class DeliveryReportMother {

    public static final Instant REQUESTED = Instant.parse("2026-03-02T10:00:00Z");

    private final UUID notificationId;
    private final UUID practiceId;
    private final UUID entryId;
    private NotificationChannel channel = NotificationChannel.SLACK;
    private String target = "#front-desk";

    private DeliveryReportMother(UUID notificationId, UUID practiceId, UUID entryId) {
        this.notificationId = notificationId;
        this.practiceId = practiceId;
        this.entryId = entryId;
    }

    public static DeliveryReportMother about(UUID practiceId, UUID entryId) {
        return new DeliveryReportMother(UUID.randomUUID(), practiceId, entryId);
    }

    public DeliveryReportMother by(NotificationChannel channel, String target) {
        this.channel = channel;
        this.target = target;
        return this;
    }

    public UUID notificationId() {
        return notificationId;
    }

    public DeliveryReported queued() {
        return new DeliveryReported(notificationId, practiceId, channel, target, SourceRef.correspondenceEntry(entryId),
                UUID.randomUUID().toString(), DeliveryOutcome.QUEUED, null, null, null, 0, REQUESTED, null);
    }

    public DeliveryReported delivered(String providerMessageId, int attempts) {
        return new DeliveryReported(notificationId, practiceId, channel, target, SourceRef.correspondenceEntry(entryId),
                UUID.randomUUID().toString(), DeliveryOutcome.DELIVERED, null, null, providerMessageId, attempts,
                REQUESTED, REQUESTED.plusSeconds(2));
    }

    public DeliveryReported failed(DeliveryReason reason, String text, int attempts) {
        return new DeliveryReported(notificationId, practiceId, channel, target, SourceRef.correspondenceEntry(entryId),
                UUID.randomUUID().toString(), DeliveryOutcome.FAILED, reason, text, null, attempts, REQUESTED,
                REQUESTED.plusSeconds(5));
    }

    public DeliveryReported notSentNoChannel() {
        return new DeliveryReported(notificationId, practiceId, null, "practice default channel",
                SourceRef.correspondenceEntry(entryId), UUID.randomUUID().toString(), DeliveryOutcome.NOT_SENT,
                DeliveryReason.NO_CHANNEL_CONFIGURED, "not sent: no channel configured", null, 0, REQUESTED,
                REQUESTED.plusSeconds(1));
    }
}

package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;

/** Builds {@link DeliveryReported} events for each outcome. */
public final class DeliveryReportedMother {

    private UUID notificationId = Ids.NOTIFICATION;
    private UUID practiceId = Ids.PRACTICE;
    private NotificationChannel channel = NotificationChannel.SLACK;
    private String target = "#front-desk";
    private SourceRef source = SourceRef.correspondenceEntry(Ids.ENTRY);
    private String sourceEventId = Ids.SOURCE_EVENT;
    private DeliveryOutcome outcome = DeliveryOutcome.DELIVERED;
    private DeliveryReason reason;
    private String reasonText;
    private String providerMessageId = "1709372713.000200";
    private int attempts = 1;
    private Instant requestedAt = Ids.REQUESTED;
    private Instant completedAt = Ids.COMPLETED;

    private DeliveryReportedMother() {
    }

    /** Delivered to #front-desk with the Slack message ts. */
    public static DeliveryReportedMother delivered() {
        return new DeliveryReportedMother();
    }

    /** Failed after three attempts because the app is not in the channel, with every field set. */
    public static DeliveryReportedMother failedNotInChannel() {
        return new DeliveryReportedMother()
                .outcome(DeliveryOutcome.FAILED)
                .reason(DeliveryReason.NOT_IN_CHANNEL, "Slack answered not_in_channel: invite the app to #front-desk")
                .providerMessageId("req-7f3a")
                .attempts(3);
    }

    /** Queued: every optional field empty. */
    public static DeliveryReportedMother queued() {
        return new DeliveryReportedMother()
                .outcome(DeliveryOutcome.QUEUED)
                .providerMessageId(null)
                .attempts(0)
                .completedAt(null);
    }

    /** Not sent because the practice has no chat channel configured: no channel at all. */
    public static DeliveryReportedMother notSentNoChannel() {
        return new DeliveryReportedMother()
                .channel(null)
                .target("register default chat channel (none configured)")
                .outcome(DeliveryOutcome.NOT_SENT)
                .reason(DeliveryReason.NO_CHANNEL_CONFIGURED, null)
                .providerMessageId(null)
                .attempts(0);
    }

    public DeliveryReportedMother channel(NotificationChannel value) {
        this.channel = value;
        return this;
    }

    public DeliveryReportedMother target(String value) {
        this.target = value;
        return this;
    }

    public DeliveryReportedMother outcome(DeliveryOutcome value) {
        this.outcome = value;
        return this;
    }

    public DeliveryReportedMother reason(DeliveryReason code, String text) {
        this.reason = code;
        this.reasonText = text;
        return this;
    }

    public DeliveryReportedMother providerMessageId(String value) {
        this.providerMessageId = value;
        return this;
    }

    public DeliveryReportedMother attempts(int value) {
        this.attempts = value;
        return this;
    }

    public DeliveryReportedMother completedAt(Instant value) {
        this.completedAt = value;
        return this;
    }

    public DeliveryReported build() {
        return new DeliveryReported(notificationId, practiceId, channel, target, source, sourceEventId, outcome,
                reason, reasonText, providerMessageId, attempts, requestedAt, completedAt);
    }
}

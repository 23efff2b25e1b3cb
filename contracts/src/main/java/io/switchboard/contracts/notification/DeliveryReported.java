package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * How one notification fared (FEATURES.md N8): the register shows it per target on the entry, the
 * workflow on its task, partners count it.
 *
 * @param notificationId    the command this reports on; the event subject, so one notification's
 *                          reports (queued, then delivered) keep their order
 * @param practiceId        the tenant
 * @param channel           the channel; {@code null} when the router found none to use
 *                          ({@link DeliveryReason#NO_CHANNEL_CONFIGURED})
 * @param target            human-readable target, e.g. "#front-desk", "sam@practice.example", "Sam Lee (DM)"
 * @param source            what the notification was about, to route the report back
 * @param sourceEventId     CloudEvents id of the event that caused the notification
 * @param outcome           queued, delivered, not sent or failed
 * @param reason            why not sent or failed; required then, {@code null} otherwise
 * @param reasonText        the reason for people, with the provider's own code where there is one; may be {@code null}
 * @param providerMessageId the provider's id of the sent message (Slack ts, Graph message id, Gmail id),
 *                          may be {@code null}
 * @param attempts          how many times the provider was called so far
 * @param requestedAt       when the router issued the command
 * @param completedAt       when the outcome was reached; {@code null} while {@code QUEUED}
 */
public record DeliveryReported(UUID notificationId, UUID practiceId, NotificationChannel channel, String target,
                               SourceRef source, String sourceEventId, DeliveryOutcome outcome,
                               DeliveryReason reason, String reasonText, String providerMessageId, int attempts,
                               Instant requestedAt, Instant completedAt) implements EventData {

    public DeliveryReported {
        Require.present(notificationId, "DeliveryReported.notificationId");
        Require.present(practiceId, "DeliveryReported.practiceId");
        Require.text(target, "DeliveryReported.target");
        Require.present(source, "DeliveryReported.source");
        Require.text(sourceEventId, "DeliveryReported.sourceEventId");
        Require.present(outcome, "DeliveryReported.outcome");
        Require.optionalText(reasonText, "DeliveryReported.reasonText");
        Require.optionalText(providerMessageId, "DeliveryReported.providerMessageId");
        Require.that(attempts >= 0, "DeliveryReported.attempts must not be negative");
        Require.present(requestedAt, "DeliveryReported.requestedAt");
        boolean unsuccessful = outcome == DeliveryOutcome.NOT_SENT || outcome == DeliveryOutcome.FAILED;
        Require.that(!unsuccessful || reason != null, "DeliveryReported.reason is required when " + outcome);
        Require.that(unsuccessful || reason == null, "DeliveryReported.reason must be null when " + outcome);
        Require.that(outcome == DeliveryOutcome.QUEUED || completedAt != null,
                "DeliveryReported.completedAt is required when " + outcome);
        Require.that(outcome != DeliveryOutcome.QUEUED || completedAt == null,
                "DeliveryReported.completedAt must be null while QUEUED");
        Require.that(channel != null || outcome == DeliveryOutcome.NOT_SENT,
                "DeliveryReported.channel may be null only for NOT_SENT");
    }

    @Override
    public String subject() {
        return notificationId.toString();
    }
}

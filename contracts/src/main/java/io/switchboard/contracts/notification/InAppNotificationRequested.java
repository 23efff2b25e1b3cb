package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * Command to put an item in a user's in-app inbox (FEATURES.md N5).
 *
 * @param notificationId  deterministic command id; also the inbox item's id
 * @param practiceId      the tenant
 * @param sourceEventId   CloudEvents id of the causing event
 * @param source          what the notification is about
 * @param recipientUserId the staff user whose inbox gets it
 * @param content         what to say
 * @param requestedAt     when the router issued the command
 */
public record InAppNotificationRequested(UUID notificationId, UUID practiceId, String sourceEventId,
                                         SourceRef source, UUID recipientUserId, MessageContent content,
                                         Instant requestedAt) implements NotificationRequest {

    public InAppNotificationRequested {
        Require.present(notificationId, "InAppNotificationRequested.notificationId");
        Require.present(practiceId, "InAppNotificationRequested.practiceId");
        Require.text(sourceEventId, "InAppNotificationRequested.sourceEventId");
        Require.present(source, "InAppNotificationRequested.source");
        Require.present(recipientUserId, "InAppNotificationRequested.recipientUserId");
        Require.present(content, "InAppNotificationRequested.content");
        Require.present(requestedAt, "InAppNotificationRequested.requestedAt");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.IN_APP;
    }

    @Override
    public String subject() {
        return practiceId + ":user:" + recipientUserId;
    }
}

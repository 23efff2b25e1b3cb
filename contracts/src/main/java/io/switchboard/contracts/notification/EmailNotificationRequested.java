package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * Command to send an email (HTML and plain-text parts, FEATURES.md N4), by SMTP or through a
 * user's connected Gmail so it lands in their Sent items.
 *
 * @param notificationId deterministic command id
 * @param practiceId     the tenant
 * @param sourceEventId  CloudEvents id of the causing event
 * @param source         what the notification is about
 * @param to             recipient addresses, at least one
 * @param emailSubject   the subject line (named so because {@link #subject()} is the event key)
 * @param sendAsUserId   send through this user's Gmail; {@code null} sends by the practice's SMTP sender
 * @param content        what to say
 * @param requestedAt    when the router issued the command
 */
public record EmailNotificationRequested(UUID notificationId, UUID practiceId, String sourceEventId,
                                         SourceRef source, List<String> to, String emailSubject,
                                         UUID sendAsUserId, MessageContent content, Instant requestedAt)
        implements NotificationRequest {

    public EmailNotificationRequested {
        Require.present(notificationId, "EmailNotificationRequested.notificationId");
        Require.present(practiceId, "EmailNotificationRequested.practiceId");
        Require.text(sourceEventId, "EmailNotificationRequested.sourceEventId");
        Require.present(source, "EmailNotificationRequested.source");
        to = Require.nonEmptyList(to, "EmailNotificationRequested.to");
        for (String address : to) {
            Require.that(address.indexOf('@') > 0, "EmailNotificationRequested.to has an invalid address: " + address);
        }
        Require.text(emailSubject, "EmailNotificationRequested.emailSubject");
        Require.present(content, "EmailNotificationRequested.content");
        Require.present(requestedAt, "EmailNotificationRequested.requestedAt");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    /** Keyed by the first recipient: mail to one person stays in order, different people spread out. */
    @Override
    public String subject() {
        return practiceId + ":email:" + to.get(0).toLowerCase(Locale.ROOT);
    }
}

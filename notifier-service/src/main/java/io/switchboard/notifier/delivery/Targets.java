package io.switchboard.notifier.delivery;

import java.util.Locale;

import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.TeamsNotificationRequested;

/** Names of a command's target: the report's label, the pacing key and the workspace key. */
public final class Targets {

    private Targets() {
    }

    public static String label(NotificationRequest command) {
        if (command instanceof SlackNotificationRequested s) {
            if (s.channelId() != null) {
                return s.channelName() != null ? "#" + s.channelName().replaceFirst("^#", "") : s.channelId();
            }
            return "@" + s.slackUserId();
        }
        if (command instanceof TeamsNotificationRequested t) {
            return t.channelName() != null ? "#" + t.channelName().replaceFirst("^#", "") : t.channelId();
        }
        if (command instanceof EmailNotificationRequested e) {
            return String.join(", ", e.to());
        }
        if (command instanceof InAppNotificationRequested i) {
            return "inbox:" + i.recipientUserId();
        }
        return command.channel().name();
    }

    /**
     * The unit the provider paces: one Slack conversation, one Teams channel (Graph: per team/channel), one mailbox,
     * or, for an email sent as a user, that user's Gmail.
     */
    public static String paceKey(NotificationRequest command) {
        if (command instanceof SlackNotificationRequested s) {
            return "slack:" + s.practiceId() + ":" + (s.channelId() != null ? s.channelId() : "dm:" + s.slackUserId());
        }
        if (command instanceof TeamsNotificationRequested t) {
            return "teams:" + t.practiceId() + ":" + t.teamId() + "/" + t.channelId();
        }
        if (command instanceof EmailNotificationRequested e) {
            // A user's own email (G4) is paced by their Gmail quota, whichever path it takes in the end.
            return e.sendAsUserId() != null ? gmailPaceKey(e.practiceId(), e.sendAsUserId())
                    : "email:" + e.to().get(0).toLowerCase(Locale.ROOT);
        }
        if (command instanceof InAppNotificationRequested i) {
            return "inapp:" + i.practiceId() + ":" + i.recipientUserId();
        }
        return command.channel() + ":" + command.notificationId();
    }

    /** One Gmail user's pacing unit: Gmail's quota is per user (messages.send costs 100 of 6,000 units a minute). */
    public static String gmailPaceKey(java.util.UUID practiceId, java.util.UUID userId) {
        return GMAIL_PREFIX + practiceId + ":" + userId;
    }

    static final String GMAIL_PREFIX = "gmail:";

    /** The wider unit: a practice's Slack workspace, its Microsoft tenant (one practice, one tenant), the SMTP relay. */
    public static String workspaceKey(NotificationRequest command) {
        if (command instanceof SlackNotificationRequested s) {
            return "slack:" + s.practiceId();
        }
        if (command instanceof TeamsNotificationRequested t) {
            return "teams:" + t.practiceId();
        }
        if (command instanceof InAppNotificationRequested i) {
            return "inapp:" + i.practiceId();
        }
        return command.channel().name();
    }
}

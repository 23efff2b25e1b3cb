package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * Command to post a message to a Slack channel or as a DM to a Slack user (FEATURES.md N2).
 * Exactly one of {@code channelId} and {@code slackUserId} is set.
 *
 * @param notificationId deterministic command id
 * @param practiceId     the tenant; its Slack workspace is the one connected to the practice
 * @param sourceEventId  CloudEvents id of the causing event
 * @param source         what the notification is about
 * @param channelId      Slack channel id for a channel post, else {@code null}
 * @param channelName    the channel's name for reports ("front-desk"), may be {@code null}
 * @param slackUserId    Slack user id for a DM (the worker opens the conversation), else {@code null}
 * @param content        what to say
 * @param requestedAt    when the router issued the command
 * @param updatesNotificationId edit the message this earlier notification posted ({@code chat.update}, same channel
 *                       or DM) instead of posting a new one; {@code null} for a new post
 */
public record SlackNotificationRequested(UUID notificationId, UUID practiceId, String sourceEventId,
                                         SourceRef source, String channelId, String channelName,
                                         String slackUserId, MessageContent content, Instant requestedAt,
                                         UUID updatesNotificationId)
        implements NotificationRequest {

    public SlackNotificationRequested {
        Require.present(notificationId, "SlackNotificationRequested.notificationId");
        Require.present(practiceId, "SlackNotificationRequested.practiceId");
        Require.text(sourceEventId, "SlackNotificationRequested.sourceEventId");
        Require.present(source, "SlackNotificationRequested.source");
        Require.optionalText(channelId, "SlackNotificationRequested.channelId");
        Require.optionalText(channelName, "SlackNotificationRequested.channelName");
        Require.optionalText(slackUserId, "SlackNotificationRequested.slackUserId");
        Require.that((channelId == null) != (slackUserId == null),
                "SlackNotificationRequested needs exactly one of channelId and slackUserId");
        Require.present(content, "SlackNotificationRequested.content");
        Require.present(requestedAt, "SlackNotificationRequested.requestedAt");
    }

    /** A new post. */
    public SlackNotificationRequested(UUID notificationId, UUID practiceId, String sourceEventId, SourceRef source,
                                      String channelId, String channelName, String slackUserId,
                                      MessageContent content, Instant requestedAt) {
        this(notificationId, practiceId, sourceEventId, source, channelId, channelName, slackUserId, content,
                requestedAt, null);
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SLACK;
    }

    @Override
    public String subject() {
        return channelId != null
                ? practiceId + ":channel:" + channelId
                : practiceId + ":user:" + slackUserId;
    }
}

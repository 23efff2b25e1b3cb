package io.switchboard.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * Command to post a message to a Teams channel, with real {@code <at>} mentions (FEATURES.md N3).
 * Graph posts channel messages only with a delegated token, so the command names the Switchboard
 * user whose Microsoft connection sends it.
 *
 * @param notificationId deterministic command id
 * @param practiceId     the tenant
 * @param sourceEventId  CloudEvents id of the causing event
 * @param source         what the notification is about
 * @param teamId         the Teams team
 * @param channelId      the channel in that team
 * @param channelName    the channel's display name for reports, may be {@code null}
 * @param mentions       users to @mention; never {@code null}, may be empty
 * @param sendingUserId  the Switchboard user whose delegated Microsoft connection posts the message
 * @param content        what to say
 * @param requestedAt    when the router issued the command
 */
public record TeamsNotificationRequested(UUID notificationId, UUID practiceId, String sourceEventId,
                                         SourceRef source, String teamId, String channelId, String channelName,
                                         List<TeamsMention> mentions, UUID sendingUserId, MessageContent content,
                                         Instant requestedAt) implements NotificationRequest {

    public TeamsNotificationRequested {
        Require.present(notificationId, "TeamsNotificationRequested.notificationId");
        Require.present(practiceId, "TeamsNotificationRequested.practiceId");
        Require.text(sourceEventId, "TeamsNotificationRequested.sourceEventId");
        Require.present(source, "TeamsNotificationRequested.source");
        Require.text(teamId, "TeamsNotificationRequested.teamId");
        Require.text(channelId, "TeamsNotificationRequested.channelId");
        Require.optionalText(channelName, "TeamsNotificationRequested.channelName");
        mentions = Require.list(mentions, "TeamsNotificationRequested.mentions");
        Require.present(sendingUserId, "TeamsNotificationRequested.sendingUserId");
        Require.present(content, "TeamsNotificationRequested.content");
        Require.present(requestedAt, "TeamsNotificationRequested.requestedAt");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.TEAMS;
    }

    @Override
    public String subject() {
        return practiceId + ":channel:" + teamId + "/" + channelId;
    }
}

package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.notification.TeamsMention;
import io.switchboard.contracts.notification.TeamsNotificationRequested;

/** Builds {@link TeamsNotificationRequested} commands. */
public final class TeamsNotificationRequestedMother {

    private UUID notificationId = Ids.NOTIFICATION;
    private UUID practiceId = Ids.PRACTICE;
    private String sourceEventId = Ids.SOURCE_EVENT;
    private SourceRef source = SourceRef.correspondenceEntry(Ids.ENTRY);
    private String teamId = ShareTargetMother.TEAMS_GENERAL.teamId();
    private String channelId = ShareTargetMother.TEAMS_GENERAL.id();
    private String channelName = ShareTargetMother.TEAMS_GENERAL.name();
    private List<TeamsMention> mentions = List.of(
            new TeamsMention("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Sam Lee"));
    private UUID sendingUserId = Ids.ALEX;
    private MessageContent content = MessageContentMother.phoneMessage().build();
    private Instant requestedAt = Ids.REQUESTED;

    private TeamsNotificationRequestedMother() {
    }

    /** A post to General mentioning Sam, with full content. */
    public static TeamsNotificationRequestedMother mentioningSam() {
        return new TeamsNotificationRequestedMother();
    }

    /** A post with no mentions and every optional field empty. */
    public static TeamsNotificationRequestedMother minimal() {
        return new TeamsNotificationRequestedMother()
                .channelName(null)
                .mentions(List.of())
                .content(MessageContentMother.minimal().build());
    }

    public TeamsNotificationRequestedMother channelName(String value) {
        this.channelName = value;
        return this;
    }

    public TeamsNotificationRequestedMother mentions(List<TeamsMention> value) {
        this.mentions = value;
        return this;
    }

    public TeamsNotificationRequestedMother sendingUserId(UUID value) {
        this.sendingUserId = value;
        return this;
    }

    public TeamsNotificationRequestedMother content(MessageContent value) {
        this.content = value;
        return this;
    }

    public TeamsNotificationRequested build() {
        return new TeamsNotificationRequested(notificationId, practiceId, sourceEventId, source, teamId, channelId,
                channelName, mentions, sendingUserId, content, requestedAt);
    }
}

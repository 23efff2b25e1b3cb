package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;

/** Builds {@link SlackNotificationRequested} commands: a channel post or a DM. */
public final class SlackNotificationRequestedMother {

    private UUID notificationId = Ids.NOTIFICATION;
    private UUID practiceId = Ids.PRACTICE;
    private String sourceEventId = Ids.SOURCE_EVENT;
    private SourceRef source = SourceRef.correspondenceEntry(Ids.ENTRY);
    private String channelId = "C024BE91L";
    private String channelName = "front-desk";
    private String slackUserId;
    private MessageContent content = MessageContentMother.phoneMessage().build();
    private Instant requestedAt = Ids.REQUESTED;
    private UUID updatesNotificationId;

    private SlackNotificationRequestedMother() {
    }

    /** A post to #front-desk with full content. */
    public static SlackNotificationRequestedMother channelPost() {
        return new SlackNotificationRequestedMother();
    }

    /** A DM with every optional field empty. */
    public static SlackNotificationRequestedMother minimalDirectMessage() {
        return new SlackNotificationRequestedMother()
                .channel(null, null)
                .slackUserId("U0G9QF9C6")
                .content(MessageContentMother.minimal().build());
    }

    /** An edit of an earlier channel post (the entry was actioned: the button gives way to who did it). */
    public static SlackNotificationRequestedMother channelPostUpdate() {
        return new SlackNotificationRequestedMother()
                .updatesNotificationId(UUID.fromString("9d4b6e8f-2c1a-3e5d-8f7a-000000000041"));
    }

    public SlackNotificationRequestedMother updatesNotificationId(UUID value) {
        this.updatesNotificationId = value;
        return this;
    }

    public SlackNotificationRequestedMother channel(String id, String name) {
        this.channelId = id;
        this.channelName = name;
        return this;
    }

    public SlackNotificationRequestedMother slackUserId(String value) {
        this.slackUserId = value;
        return this;
    }

    public SlackNotificationRequestedMother content(MessageContent value) {
        this.content = value;
        return this;
    }

    public SlackNotificationRequested build() {
        return new SlackNotificationRequested(notificationId, practiceId, sourceEventId, source, channelId,
                channelName, slackUserId, content, requestedAt, updatesNotificationId);
    }
}

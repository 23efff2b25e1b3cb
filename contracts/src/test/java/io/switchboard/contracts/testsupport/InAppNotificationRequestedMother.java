package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;

/** Builds {@link InAppNotificationRequested} commands. */
public final class InAppNotificationRequestedMother {

    private UUID notificationId = Ids.NOTIFICATION;
    private UUID practiceId = Ids.PRACTICE;
    private String sourceEventId = Ids.SOURCE_EVENT;
    private SourceRef source = SourceRef.correspondenceEntry(Ids.ENTRY);
    private UUID recipientUserId = Ids.SAM;
    private MessageContent content = MessageContentMother.phoneMessage().build();
    private Instant requestedAt = Ids.REQUESTED;

    private InAppNotificationRequestedMother() {
    }

    /** The phone message in Sam's inbox. */
    public static InAppNotificationRequestedMother phoneMessageForSam() {
        return new InAppNotificationRequestedMother();
    }

    /** A system notice (P3: connect your Microsoft account) with a bare title. */
    public static InAppNotificationRequestedMother minimal() {
        return new InAppNotificationRequestedMother()
                .source(new SourceRef(SourceKind.INTEGRATION_CONNECTION, Ids.ADMIN))
                .content(MessageContentMother.minimal().title("Connect your Microsoft account in My Profile").build());
    }

    public InAppNotificationRequestedMother source(SourceRef value) {
        this.source = value;
        return this;
    }

    public InAppNotificationRequestedMother recipientUserId(UUID value) {
        this.recipientUserId = value;
        return this;
    }

    public InAppNotificationRequestedMother content(MessageContent value) {
        this.content = value;
        return this;
    }

    public InAppNotificationRequested build() {
        return new InAppNotificationRequested(notificationId, practiceId, sourceEventId, source, recipientUserId,
                content, requestedAt);
    }
}

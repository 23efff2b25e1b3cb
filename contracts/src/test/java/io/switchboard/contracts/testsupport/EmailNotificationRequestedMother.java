package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SourceRef;

/** Builds {@link EmailNotificationRequested} commands. */
public final class EmailNotificationRequestedMother {

    private UUID notificationId = Ids.NOTIFICATION;
    private UUID practiceId = Ids.PRACTICE;
    private String sourceEventId = Ids.SOURCE_EVENT;
    private SourceRef source = SourceRef.correspondenceEntry(Ids.ENTRY);
    private List<String> to = List.of("Sam.Lee@practice.example.com", "reception@practice.example.com");
    private String emailSubject = "Phone message from Acme Holdings Ltd";
    private UUID sendAsUserId = Ids.ALEX;
    private MessageContent content = MessageContentMother.phoneMessage().build();
    private Instant requestedAt = Ids.REQUESTED;

    private EmailNotificationRequestedMother() {
    }

    /** Mail to Sam and reception, sent through Alex's Gmail. */
    public static EmailNotificationRequestedMother viaGmail() {
        return new EmailNotificationRequestedMother();
    }

    /** One recipient, SMTP, every optional field empty. */
    public static EmailNotificationRequestedMother minimal() {
        return new EmailNotificationRequestedMother()
                .to(List.of("sam.lee@practice.example.com"))
                .sendAsUserId(null)
                .content(MessageContentMother.minimal().build());
    }

    public EmailNotificationRequestedMother to(List<String> value) {
        this.to = value;
        return this;
    }

    public EmailNotificationRequestedMother emailSubject(String value) {
        this.emailSubject = value;
        return this;
    }

    public EmailNotificationRequestedMother sendAsUserId(UUID value) {
        this.sendAsUserId = value;
        return this;
    }

    public EmailNotificationRequestedMother content(MessageContent value) {
        this.content = value;
        return this;
    }

    public EmailNotificationRequested build() {
        return new EmailNotificationRequested(notificationId, practiceId, sourceEventId, source, to, emailSubject,
                sendAsUserId, content, requestedAt);
    }
}

package io.switchboard.gmail.assignments;

import java.time.Instant;
import java.util.List;

import io.switchboard.contracts.gmail.EmailAddress;

/**
 * A Gmail message as the register needs it: headers parsed, the body as plain text (HTML converted),
 * and the attachments' metadata. The body is never logged.
 */
public record ParsedEmail(String messageId, String threadId, EmailAddress from, List<EmailAddress> to,
                          List<EmailAddress> cc, String subject, Instant sentAt, String bodyText,
                          List<Attachment> attachments) {

    /** An attachment of the message; its bytes stay in Gmail. */
    public record Attachment(String attachmentId, String name, String contentType, long size) {
    }

    public ParsedEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "ParsedEmail[messageId=" + messageId + ", attachments=" + attachments.size() + "]";
    }
}

package io.switchboard.sandbox.mail;

import java.time.Instant;
import java.util.List;

/**
 * One message the SMTP server accepted, parsed: the envelope (who the client said it was from and to) and
 * the headers and parts a reader would see. {@code text} and {@code html} are the first plain and HTML
 * parts that are not attachments; {@code parseError} says why a message could not be read.
 */
public record ReceivedMail(
        long id,
        String messageId,
        String envelopeFrom,
        List<String> envelopeRecipients,
        String from,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        Instant receivedAt,
        String parseError) {

    public ReceivedMail {
        envelopeRecipients = List.copyOf(envelopeRecipients);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
    }

    /** A part sent as an attachment; its content is not kept. */
    public record Attachment(String filename, String contentType, int size) {
    }

    ReceivedMail withId(long newId) {
        return new ReceivedMail(newId, messageId, envelopeFrom, envelopeRecipients, from, to, cc, replyTo, subject,
                text, html, attachments, receivedAt, parseError);
    }
}

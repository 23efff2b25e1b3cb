package io.switchboard.sandbox.google;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail to put in a mailbox, as a test describes it: sender, recipients, subject, date, a text and/or HTML body
 * and attachments, from which the sandbox builds the RFC 822 message; or {@code raw}, the message itself.
 * Left out: {@code id} and {@code threadId} are generated, {@code labelIds} are {@code INBOX, UNREAD} and
 * {@code internalDate} is now. In JSON an attachment's {@code content} is base64.
 */
public record GmailMessageSeed(
        String id,
        String threadId,
        List<String> labelIds,
        Instant internalDate,
        String from,
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String raw) {

    public GmailMessageSeed {
        labelIds = labelIds == null ? null : List.copyOf(labelIds);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }

    /** A plain-text mail from {@code from} to {@code to}. */
    public static GmailMessageSeed email(String from, String to, String subject, String text) {
        return new GmailMessageSeed(null, null, null, null, from, List.of(to), List.of(), subject, text, null, List.of(), null);
    }

    /** A message given as RFC 822 text. */
    public static GmailMessageSeed ofRaw(String raw) {
        return new GmailMessageSeed(null, null, null, null, null, List.of(), List.of(), null, null, null, List.of(), raw);
    }

    public GmailMessageSeed withId(String newId) {
        return new GmailMessageSeed(newId, threadId, labelIds, internalDate, from, to, cc, subject, text, html, attachments, raw);
    }

    public GmailMessageSeed withThreadId(String newThreadId) {
        return new GmailMessageSeed(id, newThreadId, labelIds, internalDate, from, to, cc, subject, text, html, attachments, raw);
    }

    public GmailMessageSeed withLabelIds(List<String> newLabelIds) {
        return new GmailMessageSeed(id, threadId, newLabelIds, internalDate, from, to, cc, subject, text, html, attachments, raw);
    }

    public GmailMessageSeed withInternalDate(Instant date) {
        return new GmailMessageSeed(id, threadId, labelIds, date, from, to, cc, subject, text, html, attachments, raw);
    }

    public GmailMessageSeed withCc(List<String> newCc) {
        return new GmailMessageSeed(id, threadId, labelIds, internalDate, from, to, newCc, subject, text, html, attachments, raw);
    }

    public GmailMessageSeed withHtml(String newHtml) {
        return new GmailMessageSeed(id, threadId, labelIds, internalDate, from, to, cc, subject, text, newHtml, attachments, raw);
    }

    public GmailMessageSeed withAttachment(String filename, String contentType, byte[] content) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(filename, contentType, content));
        return new GmailMessageSeed(id, threadId, labelIds, internalDate, from, to, cc, subject, text, html, more, raw);
    }
}

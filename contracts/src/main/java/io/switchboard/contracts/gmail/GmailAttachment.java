package io.switchboard.contracts.gmail;

import io.switchboard.contracts.common.Require;

/**
 * An attachment of a filed email. The register keeps the link, never the file: the app downloads
 * it through gmail-sync-service, which fetches it from the mailbox with its owner's token.
 *
 * @param attachmentId Gmail's attachment id within the message
 * @param name         the file name
 * @param contentType  its MIME type
 * @param size         its size in bytes
 * @param link         where the app downloads it (an http or https URL under gmail-sync-service's public URL)
 */
public record GmailAttachment(String attachmentId, String name, String contentType, long size, String link) {

    public GmailAttachment {
        Require.text(attachmentId, "GmailAttachment.attachmentId");
        Require.text(name, "GmailAttachment.name");
        Require.text(contentType, "GmailAttachment.contentType");
        Require.that(size >= 0, "GmailAttachment.size must not be negative");
        Require.text(link, "GmailAttachment.link");
        Require.that(link.startsWith("https://") || link.startsWith("http://"),
                "GmailAttachment.link must be an http or https URL: " + link);
    }
}

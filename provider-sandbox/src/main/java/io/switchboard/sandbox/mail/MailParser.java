package io.switchboard.sandbox.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads a received MIME message into a {@link ReceivedMail}: addresses, subject, the text and HTML parts, attachments. */
final class MailParser {

    private MailParser() {
    }

    static ReceivedMail parse(MimeMessage message, String envelopeFrom, List<String> envelopeRecipients, Instant receivedAt) {
        try {
            Parts parts = new Parts();
            parts.walk(message);
            return new ReceivedMail(0, message.getMessageID(), envelopeFrom, envelopeRecipients,
                    first(addresses(message.getFrom())),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)),
                    replyTo(message),
                    message.getSubject(), parts.text, parts.html, parts.attachments, receivedAt, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            // The SMTP client did its part; a message we cannot read is still shown, with the reason.
            return new ReceivedMail(0, null, envelopeFrom, envelopeRecipients, null, List.of(), List.of(), List.of(),
                    null, null, null, List.of(), receivedAt, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Only a Reply-To header: Jakarta Mail falls back to From, which would show a header the sender never set. */
    private static List<String> replyTo(MimeMessage message) throws MessagingException {
        String header = message.getHeader("Reply-To", ",");
        return header == null ? List.of() : addresses(InternetAddress.parseHeader(header, false));
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
                .toList();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static final class Parts {

        private String text;
        private String html;
        private final List<ReceivedMail.Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(new ReceivedMail.Attachment(part.getFileName(), baseType(part.getContentType()), part.getSize()));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }

        private static String baseType(String contentType) {
            if (contentType == null) {
                return null;
            }
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        }
    }
}

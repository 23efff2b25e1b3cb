package io.switchboard.sandbox.google;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Builds the RFC 822 message of a {@link GmailMessageSeed} with Jakarta Mail. */
final class MimeMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {
    }

    static byte[] build(GmailMessageSeed seed, Instant date, String messageId) {
        if (seed.raw() != null) {
            return seed.raw().getBytes(StandardCharsets.UTF_8);
        }
        try {
            MimeMessage message = new IdentifiedMessage(messageId);
            message.setFrom(new InternetAddress(seed.from()));
            message.setRecipients(Message.RecipientType.TO, join(seed.to()));
            if (!seed.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, join(seed.cc()));
            }
            message.setSubject(seed.subject() == null ? "" : seed.subject(), "UTF-8");
            message.setSentDate(Date.from(date));
            MimeBodyPart body = body(seed);
            if (seed.attachments().isEmpty()) {
                if (body.getContent() instanceof MimeMultipart alternative) {
                    message.setContent(alternative);
                } else if (seed.text() == null && seed.html() != null) {
                    // A part's Content-Type header is only written on save: name the subtype here, not from the part.
                    message.setText(seed.html(), "UTF-8", "html");
                } else {
                    message.setText(seed.text() == null ? "" : seed.text(), "UTF-8", "plain");
                }
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(body);
                for (GmailMessageSeed.Attachment attachment : seed.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    String type = attachment.contentType() == null ? "application/octet-stream" : attachment.contentType();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(
                            attachment.content() == null ? new byte[0] : attachment.content(), type)));
                    part.setFileName(attachment.filename());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("Cannot build a message from the seed: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart body(GmailMessageSeed seed) throws MessagingException {
        MimeBodyPart text = null;
        if (seed.text() != null || seed.html() == null) {
            text = new MimeBodyPart();
            text.setText(seed.text() == null ? "" : seed.text(), "UTF-8", "plain");
        }
        if (seed.html() == null) {
            return text;
        }
        MimeBodyPart html = new MimeBodyPart();
        html.setText(seed.html(), "UTF-8", "html");
        if (text == null) {
            return html;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        return wrapper;
    }

    private static String join(List<String> addresses) {
        return String.join(", ", addresses);
    }

    /** Keeps the Message-ID we chose, where Jakarta Mail would make one up on save. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

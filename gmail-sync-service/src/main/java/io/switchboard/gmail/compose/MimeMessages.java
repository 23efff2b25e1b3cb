package io.switchboard.gmail.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Builds the RFC 822 source of an email with text and HTML alternatives, as {@code messages.send} takes it. */
final class MimeMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {
    }

    static byte[] alternative(String from, List<String> to, List<String> cc, String subject, String text, String html) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(Message.RecipientType.TO, addresses(to));
            if (!cc.isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, addresses(cc));
            }
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the email could not be built: " + e.getMessage(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> values) throws MessagingException {
        InternetAddress[] result = new InternetAddress[values.size()];
        for (int i = 0; i < values.size(); i++) {
            result[i] = new InternetAddress(values.get(i), true);
        }
        return result;
    }
}

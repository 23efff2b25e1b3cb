package io.switchboard.notifier.email;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.notifier.NotifierProperties;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.SendReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a multipart (plain text + HTML) email with the link over SMTP via Spring Mail: the client-facing layout
 * ({@link ClientThreadEmail}) for a client thread notice, the staff layout for everything else.
 */
@Component
public class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, NotifierProperties properties) {
        this.mail = mail;
        this.from = properties.email().from();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public SendReceipt send(NotificationRequest request) {
        EmailNotificationRequested command = (EmailNotificationRequested) request;
        InternetAddress[] to = new InternetAddress[command.to().size()];
        try {
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(command.to().get(i), true);
            }
        } catch (AddressException e) {
            return SendReceipt.permanent(DeliveryReason.INVALID_ADDRESS, "invalid address");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(command.emailSubject());
            Optional<ClientThreadEmail.Notice> notice = ClientThreadEmail.notice(command);
            if (notice.isPresent()) {
                helper.setText(ClientThreadEmail.text(notice.get()), ClientThreadEmail.html(notice.get()));
            } else {
                helper.setText(plain(command.content()), html(command.content()));
            }
            message.setHeader("X-Switchboard-Notification-Id", command.notificationId().toString());
            mail.send(message);
            return SendReceipt.delivered(message.getMessageID());
        } catch (MailAuthenticationException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_ERROR, "SMTP authentication failed");
        } catch (MailSendException e) {
            boolean addressRejected = e.getFailedMessages().values().stream()
                    .anyMatch(ex -> ex instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                            && sfe.getInvalidAddresses().length > 0);
            return addressRejected
                    ? SendReceipt.permanent(DeliveryReason.INVALID_ADDRESS, "recipient rejected by the SMTP server")
                    : SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, "SMTP send failed");
        } catch (MailException | MessagingException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, e.getClass().getSimpleName());
        }
    }

    static String plain(MessageContent content) {
        StringBuilder text = new StringBuilder(content.title()).append("\n\n");
        if (content.text() != null) {
            text.append(content.text()).append("\n\n");
        }
        for (MessageField field : content.fields()) {
            text.append(field.label()).append(": ").append(field.value()).append('\n');
        }
        if (content.linkUrl() != null) {
            text.append('\n').append(content.linkLabel()).append(": ").append(content.linkUrl()).append('\n');
        }
        return text.toString();
    }

    static String html(MessageContent content) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
        html.append("<h2>").append(HtmlUtils.htmlEscape(content.title())).append("</h2>");
        if (content.text() != null) {
            html.append("<p>").append(HtmlUtils.htmlEscape(content.text())).append("</p>");
        }
        if (!content.fields().isEmpty()) {
            html.append("<table>");
            for (MessageField field : content.fields()) {
                html.append("<tr><th align=\"left\">").append(HtmlUtils.htmlEscape(field.label()))
                        .append("</th><td>").append(HtmlUtils.htmlEscape(field.value())).append("</td></tr>");
            }
            html.append("</table>");
        }
        if (content.linkUrl() != null) {
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(content.linkUrl())).append("\">")
                    .append(HtmlUtils.htmlEscape(content.linkLabel())).append("</a></p>");
        }
        return html.append("</body></html>").toString();
    }
}

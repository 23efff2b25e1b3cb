package io.switchboard.notifier.email;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.HtmlUtils;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.notifier.NotifierProperties;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.notifier.delivery.DelegatedTokens;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.delivery.SendReceipt;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DirectoryUser;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * N4: sends a multipart (plain text + HTML) email. A notice goes by SMTP from the practice's notification address via
 * Spring Mail: the client-facing layout ({@link ClientThreadEmail}) for a client thread notice, the staff layout for
 * everything else. An email sent <em>as a user</em> ({@code sendAsUserId}, G4: a register "new email") goes through
 * that user's Gmail when they connected it with a send scope, so it lands in their Sent items; otherwise by SMTP, and
 * the report says which path it took and why.
 *
 * <p>One ledger row, one decision per claim: both paths are tried inside the same claim, so a redelivered command
 * (same notification id) is never sent twice, and a retry after an attempt whose outcome is unknown (5xx, timeout)
 * stays on that attempt's path ({@link Ledger#pinRoute}) — switching could send a message the first path did accept.
 * SMTP takes over only when Gmail certainly did not send it (no connection, 401 after a refresh, 403).
 */
@Component
public class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    static final String GMAIL = "GMAIL";
    static final String SMTP = "SMTP";

    private final JavaMailSender mail;
    private final String from;
    private final DelegatedTokens tokens;
    private final GmailSender gmail;
    private final Projections projections;
    private final Ledger ledger;

    public EmailSender(JavaMailSender mail, NotifierProperties properties, DelegatedTokens tokens, GmailSender gmail,
                       Projections projections, Ledger ledger) {
        this.mail = mail;
        this.from = properties.email().from();
        this.tokens = tokens;
        this.gmail = gmail;
        this.projections = projections;
        this.ledger = ledger;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    /**
     * An email sent as a user: their Gmail token, before the row is claimed ({@link DelegatedTokens#prefetch}),
     * unless an earlier attempt pinned it to SMTP. A notice by SMTP needs nothing.
     */
    @Override
    public void prepare(NotificationRequest request) {
        EmailNotificationRequested command = (EmailNotificationRequested) request;
        if (command.sendAsUserId() == null || SMTP.equals(ledger.pinnedRoute(command.notificationId()).orElse(null))) {
            return;
        }
        tokens.prefetch(GmailToken.GMAIL, command.practiceId(), command.sendAsUserId());
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
        if (command.sendAsUserId() == null) {
            return smtp(command, to, null, null);
        }
        return asUser(command, to);
    }

    /** G4: through the user's Gmail, else by SMTP saying why. */
    private SendReceipt asUser(EmailNotificationRequested command, InternetAddress[] to) {
        UUID practiceId = command.practiceId();
        UUID userId = command.sendAsUserId();
        String name = projections.user(practiceId, userId).map(DirectoryUser::displayName).orElse(null);
        String who = name == null ? "the sender" : name;
        String pinned = ledger.pinnedRoute(command.notificationId()).orElse(null);
        if (SMTP.equals(pinned)) {
            return smtp(command, to, name, "sent by SMTP (retried after an SMTP error)");
        }
        boolean gmailMayHaveSent = GMAIL.equals(pinned);
        GmailSender.Email email = authored(command, to);
        GmailToken token;
        try {
            token = tokens.token(GmailToken.GMAIL, practiceId, userId, false);
        } catch (ConnectionUnavailable e) {
            return fallback(command, to, name, gmailMayHaveSent, e.reason(), noGmail(who, e.reason()));
        } catch (RestClientException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE,
                    "Gmail token lookup failed: " + e.getClass().getSimpleName());
        }
        if (!token.maySend()) {
            return fallback(command, to, name, gmailMayHaveSent, DeliveryReason.CONNECTION_NEEDS_REAUTH,
                    who + " has not allowed Switchboard to send from Gmail (no gmail.send scope)");
        }
        GmailSender.Attempt attempt = gmail.send(token, name, email);
        if (attempt.result() == GmailSender.Result.UNAUTHORIZED) {
            tokens.forget(GmailToken.GMAIL, practiceId, userId);
            try {
                token = tokens.token(GmailToken.GMAIL, practiceId, userId, true);
            } catch (ConnectionUnavailable e) {
                return fallback(command, to, name, gmailMayHaveSent, e.reason(), noGmail(who, e.reason()));
            } catch (RestClientException e) {
                return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE,
                        "Gmail token refresh failed: " + e.getClass().getSimpleName());
            }
            attempt = gmail.send(token, name, email);
            if (attempt.result() == GmailSender.Result.UNAUTHORIZED) {
                try {
                    tokens.rejected(GmailToken.GMAIL, practiceId, userId, attempt.detail() + " after a token refresh");
                } catch (RestClientException e) {
                    // The outcome stands (Gmail refused the token); the next refusal reports it again.
                    log.warn("could not report the rejected Gmail token of user {}: {}", userId, e.getClass().getSimpleName());
                }
                return fallback(command, to, name, gmailMayHaveSent, DeliveryReason.CONNECTION_NEEDS_REAUTH,
                        who + "'s Gmail connection needs re-authorising (Gmail refused the token after a refresh)");
            }
        }
        return switch (attempt.result()) {
            case SENT -> SendReceipt.delivered(attempt.messageId(),
                    "sent through " + who + "'s Gmail (" + token.email() + ")");
            case RATE_LIMITED -> SendReceipt.rateLimited(attempt.retryAfter(), SendReceipt.Scope.TARGET,
                    attempt.detail() + ", Retry-After " + attempt.retryAfter().toSeconds() + "s");
            case UNKNOWN -> {
                ledger.pinRoute(command.notificationId(), GMAIL);
                yield SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, attempt.detail());
            }
            case FORBIDDEN -> fallback(command, to, name, gmailMayHaveSent, DeliveryReason.PROVIDER_ERROR,
                    "Gmail refused to send for " + who + " (" + attempt.detail() + ")");
            case REJECTED -> SendReceipt.permanent(attempt.detail().contains("To header") || attempt.detail().contains("ecipient")
                    ? DeliveryReason.INVALID_ADDRESS : DeliveryReason.MESSAGE_REJECTED, attempt.detail());
            case UNAUTHORIZED -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Gmail certainly did not send it now: SMTP takes over and the report says why — unless an earlier attempt through
     * Gmail ended with an unknown outcome, which may have gone out: then it fails rather than risk a second copy.
     */
    private SendReceipt fallback(EmailNotificationRequested command, InternetAddress[] to, String name,
                                 boolean gmailMayHaveSent, DeliveryReason reason, String why) {
        if (gmailMayHaveSent) {
            return SendReceipt.permanent(reason, why + "; an earlier attempt through Gmail may have gone out, so it is"
                    + " not re-sent by SMTP");
        }
        return smtp(command, to, name, "sent by SMTP: " + why);
    }

    private static String noGmail(String who, DeliveryReason reason) {
        return switch (reason) {
            case CONNECTION_NEEDS_REAUTH -> who + "'s Gmail connection needs re-authorising";
            case PROVIDER_DISCONNECTED -> who + " has no Gmail connected (Gmail is not enabled for the practice)";
            default -> who + " has no Gmail connected";
        };
    }

    private static GmailSender.Email authored(EmailNotificationRequested command, InternetAddress[] to) {
        return new GmailSender.Email(command.emailSubject(), to, authoredText(command.content()),
                authoredHtml(command.content()), command.notificationId().toString());
    }

    /**
     * By SMTP from the practice's notification address.
     *
     * @param senderName for an email sent as a user: their name, shown as "… via Switchboard"
     * @param how        for an email sent as a user: the report's note on the path and why; {@code null} otherwise
     */
    private SendReceipt smtp(EmailNotificationRequested command, InternetAddress[] to, String senderName, String how) {
        boolean asUser = command.sendAsUserId() != null;
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            if (asUser && senderName != null) {
                helper.setFrom(new InternetAddress(from).getAddress(), senderName + " via Switchboard");
            } else {
                helper.setFrom(from);
            }
            helper.setTo(to);
            helper.setSubject(command.emailSubject());
            Optional<ClientThreadEmail.Notice> notice = ClientThreadEmail.notice(command);
            if (asUser) {
                helper.setText(authoredText(command.content()), authoredHtml(command.content()));
            } else if (notice.isPresent()) {
                helper.setText(ClientThreadEmail.text(notice.get()), ClientThreadEmail.html(notice.get()));
            } else {
                helper.setText(plain(command.content()), html(command.content()));
            }
            message.setHeader("X-Switchboard-Notification-Id", command.notificationId().toString());
            mail.send(message);
            return SendReceipt.delivered(message.getMessageID(), how);
        } catch (MailAuthenticationException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_ERROR, "SMTP authentication failed");
        } catch (MailSendException e) {
            boolean addressRejected = e.getFailedMessages().values().stream()
                    .anyMatch(ex -> ex instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                            && sfe.getInvalidAddresses().length > 0);
            if (addressRejected) {
                return SendReceipt.permanent(DeliveryReason.INVALID_ADDRESS, "recipient rejected by the SMTP server");
            }
            pinIf(asUser, command);
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, "SMTP send failed");
        } catch (MailException | MessagingException | java.io.UnsupportedEncodingException e) {
            pinIf(asUser, command);
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, e.getClass().getSimpleName());
        }
    }

    /** An SMTP attempt of an email sent as a user may have gone out: its retries stay on SMTP. */
    private void pinIf(boolean asUser, EmailNotificationRequested command) {
        if (asUser) {
            ledger.pinRoute(command.notificationId(), SMTP);
        }
    }

    /** A user's own email as they wrote it: the text (the subject when it has none), nothing added. */
    static String authoredText(MessageContent content) {
        return (content.text() == null ? content.title() : content.text()) + "\n";
    }

    static String authoredHtml(MessageContent content) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body>");
        String text = content.text() == null ? content.title() : content.text();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph, "UTF-8").replace("\n", "<br>")).append("</p>");
        }
        if (content.linkUrl() != null && (content.linkUrl().startsWith("https://") || content.linkUrl().startsWith("http://"))) {
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(content.linkUrl(), "UTF-8")).append("\">")
                    .append(HtmlUtils.htmlEscape(content.linkLabel(), "UTF-8")).append("</a></p>");
        }
        return html.append("</body></html>").toString();
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

package io.switchboard.notifier.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * G4: sends one email as a user through their Gmail with the real {@code google-api-services-gmail} client,
 * {@code users.messages.send("me", {raw})} — a MIME message built with Jakarta Mail (multipart/alternative, text and
 * HTML, UTF-8, From = the account's address with the user's name), base64url-encoded. Gmail files it in the user's
 * Sent items and gives it its Message-ID.
 *
 * <p>One HTTP attempt per call: the client's own retry machinery (unsuccessful-response and I/O handlers, backoff)
 * is left off, so a 429 or 5xx comes straight back to the ledger, which paces and retries durably. The token goes
 * only to the configured Gmail host.
 */
@Component
class GmailSender {

    /** What one {@code messages.send} call achieved. */
    enum Result {
        /** Gmail accepted it: {@code messageId} is Gmail's message id. */
        SENT,
        /** 401: the token was refused (expired, revoked). Nothing was sent. */
        UNAUTHORIZED,
        /** 403 other than a rate limit (scope missing, delegation denied): nothing was sent, Gmail will not send it. */
        FORBIDDEN,
        /** 400: Gmail refused the message itself (an address it cannot use, a header). */
        REJECTED,
        /** 429 or a 403 rate-limit reason: wait {@code retryAfter}. */
        RATE_LIMITED,
        /** 5xx, timeout, I/O: Gmail may or may not have sent it. */
        UNKNOWN
    }

    record Attempt(Result result, String messageId, String detail, Duration retryAfter) {
    }

    /** The parts of an email that do not depend on the path it takes. */
    record Email(String subject, InternetAddress[] to, String text, String html, String notificationId) {
    }

    private static final String RATE_REASONS = "rateLimitExceeded userRateLimitExceeded dailyLimitExceeded quotaExceeded";

    private final HttpTransport transport = new NetHttpTransport();
    private final String rootUrl;
    private final String gmailHost;
    private final int timeoutMillis;

    GmailSender(@Value("${switchboard.gmail.root-url:https://gmail.googleapis.com/}") String rootUrl,
                @Value("${switchboard.notifier.gmail.timeout:PT20S}") Duration timeout) {
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        this.gmailHost = URI.create(this.rootUrl).getHost();
        this.timeoutMillis = (int) timeout.toMillis();
    }

    Attempt send(GmailToken token, String displayName, Email email) {
        String raw;
        try {
            raw = Base64.getUrlEncoder().withoutPadding().encodeToString(mime(token.email(), displayName, email));
        } catch (MessagingException | IOException e) {
            return new Attempt(Result.REJECTED, null, "the message could not be built: " + e.getClass().getSimpleName(), null);
        }
        Gmail gmail = new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer(token.accessToken()))
                .setRootUrl(rootUrl)
                .setApplicationName("switchboard-notifier")
                .build();
        try {
            Message sent = gmail.users().messages().send("me", new Message().setRaw(raw)).execute();
            return new Attempt(Result.SENT, sent.getId(), null, null);
        } catch (HttpResponseException e) {
            return outcome(e);
        } catch (IOException | RuntimeException e) {
            return new Attempt(Result.UNKNOWN, null, "Gmail unreachable: " + e.getClass().getSimpleName(), null);
        }
    }

    /** The bearer token for the configured Gmail host only; no retries, no backoff, bounded time. */
    private HttpRequestInitializer initializer(String accessToken) {
        return request -> {
            if (gmailHost.equalsIgnoreCase(request.getUrl().getHost())) {
                request.getHeaders().setAuthorization("Bearer " + accessToken);
            }
            request.setConnectTimeout(timeoutMillis);
            request.setReadTimeout(timeoutMillis);
            request.setNumberOfRetries(0);
            request.setUnsuccessfulResponseHandler(null);
            request.setIOExceptionHandler(null);
        };
    }

    private static Attempt outcome(HttpResponseException e) {
        int status = e.getStatusCode();
        String reason = null;
        String message = e.getStatusMessage();
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null) {
            GoogleJsonError details = json.getDetails();
            message = details.getMessage() != null ? details.getMessage() : message;
            if (details.getErrors() != null && !details.getErrors().isEmpty()) {
                reason = details.getErrors().get(0).getReason();
            }
        }
        String detail = "Gmail " + status + (reason == null ? "" : " " + reason) + (message == null ? "" : ": " + cut(message));
        if (status == 401) {
            return new Attempt(Result.UNAUTHORIZED, null, detail, null);
        }
        if (status == 429 || (status == 403 && reason != null && RATE_REASONS.contains(reason))) {
            return new Attempt(Result.RATE_LIMITED, null, detail, retryAfter(e.getHeaders().getFirstHeaderStringValue("Retry-After")));
        }
        if (status == 403) {
            return new Attempt(Result.FORBIDDEN, null, detail, null);
        }
        if (status == 400) {
            return new Attempt(Result.REJECTED, null, detail, null);
        }
        if (status >= 500 || status == 408) {
            return new Attempt(Result.UNKNOWN, null, detail, null);
        }
        return new Attempt(Result.REJECTED, null, detail, null);
    }

    /** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() || until.isZero() ? Duration.ofSeconds(1) : until;
            } catch (RuntimeException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    /**
     * The RFC 822 message: From = the Gmail address with the user's name, To, Subject, Date, multipart/alternative
     * (text/plain then text/html, both UTF-8). No Message-ID: Gmail assigns it, so the id in Sent is Gmail's own.
     */
    static byte[] mime(String fromAddress, String displayName, Email email) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                removeHeader("Message-ID");
            }
        };
        message.setFrom(displayName == null ? new InternetAddress(fromAddress)
                : new InternetAddress(fromAddress, displayName, "UTF-8"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, email.to());
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(new java.util.Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setHeader("X-Switchboard-Notification-Id", email.notificationId());
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    @jakarta.annotation.PreDestroy
    void close() throws IOException {
        transport.shutdown();
    }
}

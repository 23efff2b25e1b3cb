package io.switchboard.gmail.assignments;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;

import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a Gmail message fetched with {@code format=full} (or {@code metadata} for headers only): the
 * From, To, Cc, Subject and Date headers, the first text/plain body (else the first text/html body as
 * safe text), and the parts that carry a file name as attachments.
 */
public final class MessageParser {

    private MessageParser() {
    }

    public static ParsedEmail parse(Message message) {
        MessagePart payload = message.getPayload() == null ? new MessagePart() : message.getPayload();
        List<MessagePartHeader> headers = payload.getHeaders() == null ? List.of() : payload.getHeaders();
        Bodies bodies = new Bodies();
        walk(payload, bodies);
        String text = bodies.plain != null ? bodies.plain.replace("\r\n", "\n").strip()
                : HtmlText.toText(bodies.html);
        EmailAddress from = header(headers, "From").flatMap(MessageParser::first).orElse(null);
        return new ParsedEmail(message.getId(), message.getThreadId() == null ? message.getId() : message.getThreadId(),
                from, header(headers, "To").map(MessageParser::addresses).orElse(List.of()),
                header(headers, "Cc").map(MessageParser::addresses).orElse(List.of()),
                GmailEmailAssigned.subjectLine(header(headers, "Subject").map(MessageParser::decode).orElse(null)),
                sentAt(headers, message), GmailEmailAssigned.bodyText(text), bodies.attachments);
    }

    /** The sender's address alone (from a {@code format=metadata} fetch). */
    public static Optional<EmailAddress> sender(Message message) {
        if (message.getPayload() == null || message.getPayload().getHeaders() == null) {
            return Optional.empty();
        }
        return header(message.getPayload().getHeaders(), "From").flatMap(MessageParser::first);
    }

    private static final class Bodies {
        String plain;
        String html;
        final List<ParsedEmail.Attachment> attachments = new ArrayList<>();
    }

    private static void walk(MessagePart part, Bodies bodies) {
        String mimeType = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
        boolean isFile = part.getFilename() != null && !part.getFilename().isBlank() && part.getBody() != null
                && part.getBody().getAttachmentId() != null;
        if (isFile) {
            bodies.attachments.add(new ParsedEmail.Attachment(part.getBody().getAttachmentId(), part.getFilename(),
                    mimeType.isBlank() ? "application/octet-stream" : mimeType,
                    part.getBody().getSize() == null ? 0 : part.getBody().getSize()));
            return;
        }
        if (part.getParts() != null) {
            part.getParts().forEach(child -> walk(child, bodies));
            return;
        }
        if (part.getBody() == null || part.getBody().getData() == null) {
            return;
        }
        if (mimeType.equals("text/plain") && bodies.plain == null) {
            bodies.plain = new String(part.getBody().decodeData(), charset(part));
        } else if (mimeType.equals("text/html") && bodies.html == null) {
            bodies.html = new String(part.getBody().decodeData(), charset(part));
        }
    }

    private static Charset charset(MessagePart part) {
        if (part.getHeaders() != null) {
            for (MessagePartHeader header : part.getHeaders()) {
                if ("Content-Type".equalsIgnoreCase(header.getName()) && header.getValue() != null) {
                    String value = header.getValue().toLowerCase(Locale.ROOT);
                    int at = value.indexOf("charset=");
                    if (at >= 0) {
                        String name = value.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
                        try {
                            return Charset.forName(MimeUtility.javaCharset(name));
                        } catch (RuntimeException unknown) {
                            return StandardCharsets.UTF_8;
                        }
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Optional<String> header(List<MessagePartHeader> headers, String name) {
        return headers.stream().filter(h -> name.equalsIgnoreCase(h.getName())).map(MessagePartHeader::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static Optional<EmailAddress> first(String value) {
        return addresses(value).stream().findFirst();
    }

    static List<EmailAddress> addresses(String value) {
        List<EmailAddress> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                String email = address.getAddress();
                if (email != null && email.indexOf('@') > 0 && !email.isBlank()) {
                    String personal = address.getPersonal();
                    result.add(new EmailAddress(email.strip(),
                            personal == null || personal.isBlank() ? null : personal.strip()));
                }
            }
        } catch (AddressException unreadable) {
            // a header we cannot read names nobody we could file against
        }
        return result;
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }

    private static Instant sentAt(List<MessagePartHeader> headers, Message message) {
        Optional<String> date = header(headers, "Date");
        if (date.isPresent()) {
            try {
                return new MailDateFormat().parse(date.get()).toInstant();
            } catch (java.text.ParseException | RuntimeException unreadable) {
                // fall back to Gmail's own receipt time
            }
        }
        return message.getInternalDate() == null ? Instant.now() : Instant.ofEpochMilli(message.getInternalDate());
    }
}

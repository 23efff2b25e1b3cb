package io.switchboard.sandbox.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A message in a Gmail mailbox: ids, labels, when it arrived, the history id of its arrival, and the
 * RFC 822 message ({@code raw}) with its parsed {@code payload}.
 */
public record GmailMessage(String id, String threadId, List<String> labelIds, Instant internalDate, long historyId,
        byte[] raw, MimePart payload) {

    public GmailMessage {
        labelIds = List.copyOf(labelIds);
    }

    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    public String subject() {
        return payload.header("Subject").orElse(null);
    }

    public String from() {
        return payload.header("From").orElse(null);
    }

    /** The addresses of the To header, without display names. */
    public List<String> to() {
        return addresses("To");
    }

    public List<String> cc() {
        return addresses("Cc");
    }

    public String text() {
        return payload.firstText("text/plain").orElse(null);
    }

    public String html() {
        return payload.firstText("text/html").orElse(null);
    }

    public List<MimePart> attachments() {
        return payload.attachments();
    }

    public boolean hasLabel(String labelId) {
        return labelIds.contains(labelId);
    }

    /** The first 200 characters of the text (or HTML stripped of tags), as Gmail's {@code snippet}. */
    public String snippet() {
        String body = text();
        if (body == null) {
            body = html() == null ? "" : html().replaceAll("<[^>]*>", " ");
        }
        String collapsed = body.replaceAll("\\s+", " ").trim();
        return collapsed.length() <= 200 ? collapsed : collapsed.substring(0, 200);
    }

    private List<String> addresses(String header) {
        return payload.header(header).map(value -> {
            try {
                return Arrays.stream(InternetAddress.parseHeader(value, false)).map(InternetAddress::getAddress).toList();
            } catch (AddressException e) {
                return List.of(value);
            }
        }).orElse(List.of());
    }
}

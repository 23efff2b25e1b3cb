package io.switchboard.sandbox.google;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One part of a MIME message as Gmail's {@code payload} shows it: part id ({@code ""} for the message,
 * {@code "0"}, {@code "0.1"}… below), media type, file name, headers in order, the decoded body of a leaf
 * part, and the parts of a multipart.
 */
public record MimePart(String partId, String mimeType, String filename, List<MimeHeader> headers, byte[] body,
        List<MimePart> parts) {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** A header as it stands in the message ({@code value} unfolded but still encoded). */
    public record MimeHeader(String name, String value) {

        /** The value with RFC 2047 encoded words decoded, as Gmail shows headers. */
        public String decodedValue() {
            return decodeText(value);
        }
    }

    public MimePart {
        headers = List.copyOf(headers);
        parts = List.copyOf(parts);
        body = body == null ? new byte[0] : body;
    }

    /** Parses an RFC 822 message. */
    public static MimePart parse(byte[] raw) {
        try {
            return of(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), "");
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("Not a readable RFC 822 message: " + e.getMessage(), e);
        }
    }

    private static MimePart of(Part part, String partId) throws MessagingException, IOException {
        List<MimeHeader> headers = new ArrayList<>();
        for (Header header : Collections.list(part.getAllHeaders())) {
            headers.add(new MimeHeader(header.getName(), header.getValue()));
        }
        String mimeType = baseType(part.getContentType());
        String filename = Optional.ofNullable(part.getFileName()).map(MimePart::decodeText).orElse("");
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<MimePart> children = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(of(multipart.getBodyPart(i), partId.isEmpty() ? Integer.toString(i) : partId + "." + i));
            }
            return new MimePart(partId, mimeType, filename, headers, new byte[0], children);
        }
        try (InputStream in = part.getInputStream()) {
            return new MimePart(partId, mimeType, filename, headers, in.readAllBytes(), List.of());
        }
    }

    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    public boolean isAttachment() {
        return !filename.isEmpty();
    }

    /** The first value of a header, without case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(MimeHeader::value).findFirst()
                .map(MimePart::decodeText);
    }

    /** This part and every part below it, depth first. */
    public List<MimePart> flatten() {
        List<MimePart> all = new ArrayList<>();
        all.add(this);
        parts.forEach(part -> all.addAll(part.flatten()));
        return all;
    }

    public Optional<MimePart> find(String wantedPartId) {
        return flatten().stream().filter(part -> part.partId().equals(wantedPartId)).findFirst();
    }

    /** The first body (not attachment) of this media type, decoded with its charset. */
    public Optional<String> firstText(String type) {
        return flatten().stream().filter(part -> part.mimeType().equals(type) && !part.isAttachment()).findFirst()
                .map(MimePart::decodedText);
    }

    public List<MimePart> attachments() {
        return flatten().stream().filter(part -> !part.isMultipart() && part.isAttachment()).toList();
    }

    private String decodedText() {
        String charset = header("Content-Type").map(MimePart::charset).orElse("UTF-8");
        try {
            return new String(body, MimeUtility.javaCharset(charset));
        } catch (java.io.UnsupportedEncodingException e) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String charset(String contentType) {
        try {
            String charset = new ContentType(contentType).getParameter("charset");
            return charset == null ? "UTF-8" : charset;
        } catch (MessagingException e) {
            return "UTF-8";
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        }
    }

    private static String decodeText(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }
}

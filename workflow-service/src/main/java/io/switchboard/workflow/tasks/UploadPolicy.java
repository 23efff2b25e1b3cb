package io.switchboard.workflow.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * What a client may upload: documents of the kinds a practice asks for (PDF, images, spreadsheets,
 * word processing, CSV and bank export formats), each type matching the file's extension, PDFs and
 * images starting the way such files do, and names reduced to a safe file name.
 */
public final class UploadPolicy {

    private static final Map<String, String> TYPE_BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("heic", "image/heic"),
            Map.entry("csv", "text/csv"),
            Map.entry("txt", "text/plain"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("ofx", "application/x-ofx"),
            Map.entry("qfx", "application/vnd.intu.qfx"),
            Map.entry("qif", "application/qif"));
    /** Types browsers send for files they do not know; the extension then decides. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("", "application/octet-stream");
    private static final int MAX_NAME = 150;

    private final long maxBytes;

    public UploadPolicy(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** An accepted upload: its safe file name and the content type it is stored and served with. */
    public record Accepted(String filename, String contentType) {
    }

    /** Checks an upload's declared name, type, size and first bytes; refuses it with the reason otherwise. */
    public Accepted check(String originalName, String declaredType, long size, byte[] head) {
        if (size > maxBytes) {
            throw new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE,
                    "A file is larger than the " + maxBytes + " bytes allowed.");
        }
        if (size == 0) {
            throw new UploadRefusedException(HttpStatus.BAD_REQUEST, "A file is empty.");
        }
        String filename = sanitise(originalName);
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPE_BY_EXTENSION.get(extension);
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type == null || !(GENERIC.contains(declared) || declared.equals(type)
                || (extension.equals("csv") && declared.equals("application/vnd.ms-excel")))) {
            throw new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Files of this kind are not accepted; send PDF, images, spreadsheets, documents, CSV or bank exports.");
        }
        if (!looksLike(type, head)) {
            throw new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "A file's content does not match its type.");
        }
        return new Accepted(filename, type);
    }

    /**
     * The last path element of the client's file name without control or reserved characters, leading
     * dots or excess length; "document" when nothing usable is left.
     */
    public static String sanitise(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").replaceAll("\\s+", " ").strip();
        name = name.replaceFirst("^[. ]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()).strip() + extension;
        }
        return name.isEmpty() ? "document" : name;
    }

    private static boolean looksLike(String type, byte[] head) {
        return switch (type) {
            case "application/pdf" -> startsWith(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case "image/png" -> startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "image/jpeg" -> startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            default -> true;
        };
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}

package io.switchboard.gmail.assignments.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.google.api.services.gmail.model.MessagePartBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.access.MessageNotFoundException;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.gmail.assignments.ParsedEmail;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.constraints.Pattern;

/**
 * Downloads of a filed email's attachments, the links in the register entry. Only staff of the
 * practice the message was filed in get them; the bytes come from the mailbox owner's Gmail with the
 * owner's token and are never stored here.
 */
@RestController
@Validated
@PreAuthorize(GmailAccess.STAFF_ONLY)
@Tag(name = "Attachments", description = "Attachments of filed emails, fetched from the mailbox they were filed from")
class AttachmentController {

    private final Assignments assignments;
    private final GmailAccess gmail;

    AttachmentController(Assignments assignments, GmailAccess gmail) {
        this.assignments = assignments;
        this.gmail = gmail;
    }

    @GetMapping("/mailboxes/{userId}/messages/{messageId}/attachments/{attachmentId}")
    @Operation(summary = "An attachment of a filed email, as a download",
            description = "404 unless the message was filed in the caller's practice from that user's mailbox.")
    ResponseEntity<byte[]> download(@PathVariable UUID userId,
                                    @PathVariable @Pattern(regexp = AssignmentController.MESSAGE_ID) String messageId,
                                    @PathVariable @Pattern(regexp = "[A-Za-z0-9_.=-]{1,2048}") String attachmentId) {
        Tenant tenant = Tenant.current();
        if (!assignments.isFiledFrom(tenant.practiceId(), userId, messageId)) {
            throw new MessageNotFoundException("attachment", attachmentId);
        }
        ParsedEmail email = assignments.fetch(tenant.practiceId(), userId, messageId);
        ParsedEmail.Attachment attachment = email.attachments().stream()
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new MessageNotFoundException("attachment", attachmentId));
        MessagePartBody body = gmail.call(tenant.practiceId(), userId, g -> g.users().messages().attachments()
                .get("me", messageId, attachmentId).execute());
        byte[] bytes = body.decodeData();
        return ResponseEntity.ok()
                .contentType(mediaType(attachment.contentType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(safeFilename(attachment.name()), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    /** The declared type when it is a well-formed concrete type, else a plain download. */
    static MediaType mediaType(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** The file name without any path, control characters or quotes; "attachment" when nothing is left. */
    static String safeFilename(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.isEmpty() ? "attachment" : base.length() > 200 ? base.substring(0, 200) : base;
    }
}

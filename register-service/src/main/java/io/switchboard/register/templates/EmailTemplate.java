package io.switchboard.register.templates;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.switchboard.register.correspondence.AttachmentLink;

/** An email template (FEATURES.md R6) with the placeholders it uses. */
public record EmailTemplate(UUID id, String name, String subject, String body, List<AttachmentLink> attachments,
                            Set<String> placeholders, Instant createdAt, Instant updatedAt) {
}

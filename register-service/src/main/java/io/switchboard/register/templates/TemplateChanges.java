package io.switchboard.register.templates;

import java.util.List;

import io.switchboard.register.correspondence.AttachmentLink;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An email template's fields: a plain-text subject and an HTML body, both with placeholders. */
public record TemplateChanges(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 100_000) String body,
        @Valid @Size(max = 20) List<@NotNull AttachmentLink> attachments) {
}

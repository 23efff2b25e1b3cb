package io.switchboard.workflow.templates;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message template's fields: subject and body as the client reads them, and optional to-do items. */
public record TemplateChanges(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String subject,
        @NotBlank @Size(max = 20_000) String body,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> todos) {
}

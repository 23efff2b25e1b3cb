package io.switchboard.register.correspondence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A link to a document in the practice's document store; the register keeps links, never files. */
public record AttachmentLink(
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url) {
}

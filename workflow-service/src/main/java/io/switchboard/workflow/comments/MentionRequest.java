package io.switchboard.workflow.comments;

import java.util.UUID;

import io.switchboard.contracts.workflow.MentionKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One mention as the client sends it, beside the comment text: {@code {"kind": "ROLE", "role":
 * "accountant"}} or {@code {"kind": "USER", "userId": "…"}}. The text carries only display tokens
 * ("@accountant", "@Sam"); this list is what is resolved and notified, so nothing is parsed out of
 * free text and a display name never has to be unique.
 */
public record MentionRequest(@NotNull MentionKind kind, @Size(max = 41) String role, UUID userId) {
}

package io.switchboard.workflow.comments;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A comment on a job or task: its text and the mentions it makes (see {@link MentionRequest}). */
public record NewComment(@NotBlank @Size(max = 10_000) String body,
                         @Size(max = 20) List<@Valid @NotNull MentionRequest> mentions) {
}

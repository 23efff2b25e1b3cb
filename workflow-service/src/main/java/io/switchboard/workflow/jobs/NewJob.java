package io.switchboard.workflow.jobs;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A job for a register client in a pipeline; it starts in the pipeline's first stage. The client's
 * display name is given by the caller (the register owns clients) and kept for lists and events.
 */
public record NewJob(@NotNull UUID pipelineId, @NotNull UUID clientId, @NotBlank @Size(max = 300) String clientName,
                     @Size(max = 300) String title) {
}

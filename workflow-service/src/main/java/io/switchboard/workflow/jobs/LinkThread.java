package io.switchboard.workflow.jobs;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Link an existing thread of the job's client to the job by hand. */
public record LinkThread(@NotNull UUID threadId) {
}

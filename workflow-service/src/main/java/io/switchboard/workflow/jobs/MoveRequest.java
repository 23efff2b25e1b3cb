package io.switchboard.workflow.jobs;

import java.util.UUID;

import io.switchboard.contracts.workflow.OpenItemsDecision;
import jakarta.validation.constraints.NotNull;

/**
 * Move a job by hand to another stage of its pipeline. {@code decision} is required when to-dos of
 * linked threads are still open (FEATURES.md W5) and ignored otherwise.
 */
public record MoveRequest(@NotNull UUID toStageId, OpenItemsDecision decision) {
}

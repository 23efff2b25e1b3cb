package io.switchboard.workflow.jobs;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.OpenItemsDecision;

/** One move in a job's history. */
public record JobMove(UUID id, UUID fromStageId, UUID toStageId, MoveReason reason, OpenItemsDecision decision,
                      UUID movedBy, Instant movedAt) {
}

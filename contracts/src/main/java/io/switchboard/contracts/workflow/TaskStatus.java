package io.switchboard.contracts.workflow;

/** Where a work task stands. */
public enum TaskStatus {
    /** Nobody has acted on it yet. */
    OPEN,
    /** The client responded or staff started it. */
    IN_PROGRESS,
    /** Done; a document upload's files are filed in its folder. */
    COMPLETED,
    /** Withdrawn by the practice. */
    CANCELLED
}

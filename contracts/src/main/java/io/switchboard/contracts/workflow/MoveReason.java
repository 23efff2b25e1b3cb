package io.switchboard.contracts.workflow;

/** Why a job changed stage (FEATURES.md W1). */
public enum MoveReason {
    /** A staff user moved it. */
    MANUAL,
    /** Every to-do of every thread linked to the job was done and the stage has automove on (W4). */
    AUTOMOVE
}

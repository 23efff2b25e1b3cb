package io.switchboard.contracts.notification;

/**
 * The kind of thing a notification is about; with the id it tells a delivery report's consumer
 * which record to update.
 */
public enum SourceKind {
    CORRESPONDENCE_ENTRY,
    WORKFLOW_JOB,
    WORKFLOW_THREAD,
    WORKFLOW_TASK,
    TASK_COMMENT,
    INTEGRATION_CONNECTION,
    /** A rule (FEATURES.md N6) fired; the id is the rule's. */
    RULE
}

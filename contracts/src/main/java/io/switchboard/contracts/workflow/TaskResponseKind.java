package io.switchboard.contracts.workflow;

/** How a client's portal user responded to a work task. */
public enum TaskResponseKind {
    /** Uploaded one or more files. */
    FILES_UPLOADED,
    /** Said the bank feed is connected. */
    BANK_FEED_CONNECTED,
    /** Submitted the requested credential (which went to the vault; no event carries it). */
    CREDENTIAL_SUBMITTED,
    /** Answered in text. */
    TEXT_RESPONDED
}

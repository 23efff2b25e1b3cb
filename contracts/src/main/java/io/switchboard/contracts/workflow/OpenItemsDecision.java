package io.switchboard.contracts.workflow;

/** What happens to a job's open to-dos when it is moved by hand (FEATURES.md W5). */
public enum OpenItemsDecision {
    /** The items stay open for the client; the threads holding them are unlinked from the job. */
    KEEP_OPEN,
    /** The open items are cancelled: they no longer count as open anywhere. */
    CANCEL,
    /** The items stay open and their threads stay linked to the job in its new stage. */
    MOVE_ALONG
}

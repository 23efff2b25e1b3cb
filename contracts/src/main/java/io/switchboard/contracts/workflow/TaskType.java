package io.switchboard.contracts.workflow;

/** What a work task asks of the client (FEATURES.md W6). */
public enum TaskType {
    /** Upload documents; they are filed in the task's folder when it completes. */
    DOCUMENT_UPLOAD_REQUEST,
    /** Connect (or reconnect) a bank feed. */
    BANK_FEED_CONNECTION_REQUEST,
    /** Hand over a third-party credential; the secret goes to the vault, the task keeps a reference. */
    CREDENTIAL_REQUEST,
    /** Anything else: the client answers with text and/or files. */
    CUSTOM_REQUEST
}

package io.switchboard.workflow.pipelines;

/** Where a stage's "send message on entering" automation posts (FEATURES.md W2). */
public enum AutomationMode {
    /** Always start a new thread with the client. */
    NEW_THREAD,
    /** Reply in the job's most recently linked thread; start a new one when the job has none. */
    REPLY_TO_LATEST
}

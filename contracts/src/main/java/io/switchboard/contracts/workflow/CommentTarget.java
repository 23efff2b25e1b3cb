package io.switchboard.contracts.workflow;

/** What a comment is on. */
public enum CommentTarget {
    JOB,
    TASK
}

package io.switchboard.contracts.workflow;

/** How a comment named the person it mentions (FEATURES.md W7). */
public enum MentionKind {
    /** By a practice role such as {@code @accountant}, resolved to the people assigned to it. */
    ROLE,
    /** By the user directly. */
    USER
}

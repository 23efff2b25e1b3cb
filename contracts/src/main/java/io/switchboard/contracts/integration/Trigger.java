package io.switchboard.contracts.integration;

/** What makes a tool send a notification; each (tool, trigger) pair has its own default (P5). */
public enum Trigger {
    /** A register entry shared with "use practice default". */
    CORRESPONDENCE_SHARED,
    /** A job entered a pipeline stage (W1, W2). */
    JOB_STAGE_ENTERED,
    /** A message was posted in a client chat thread (W3). */
    THREAD_MESSAGE_POSTED,
    /** A work task was assigned (W6). */
    TASK_ASSIGNED,
    /** Someone was @mentioned in a task comment (W7). */
    TASK_MENTION,
    /** A task passed its due date. */
    TASK_OVERDUE
}

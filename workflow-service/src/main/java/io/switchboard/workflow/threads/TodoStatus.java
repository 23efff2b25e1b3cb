package io.switchboard.workflow.threads;

/** Where a client to-do stands; a cancelled item no longer counts as open. */
public enum TodoStatus { OPEN, DONE, CANCELLED }

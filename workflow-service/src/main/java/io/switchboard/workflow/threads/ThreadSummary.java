package io.switchboard.workflow.threads;

import java.time.Instant;
import java.util.UUID;

/** A thread in a list: its subject, last activity and how much of its to-do list is done. */
public record ThreadSummary(UUID id, UUID clientId, String subject, Instant lastMessageAt, int openTodos,
                            int doneTodos) {
}

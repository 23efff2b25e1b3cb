package io.switchboard.workflow.threads;

import java.time.Instant;
import java.util.UUID;

/** A to-do item a message gave the client; {@code doneBy}/{@code doneAt} are set once it is checked off. */
public record TodoItem(UUID id, UUID threadId, UUID messageId, String text, TodoStatus status, UUID doneBy,
                       Instant doneAt) {
}

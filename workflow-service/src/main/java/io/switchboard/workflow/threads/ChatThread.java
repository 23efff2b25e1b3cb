package io.switchboard.workflow.threads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat thread between the practice and a client's portal users, with its messages and its to-do
 * list (every message's items, in order: a later message extends the list).
 */
public record ChatThread(UUID id, UUID clientId, String subject, Instant createdAt, Instant lastMessageAt,
                         List<UUID> jobIds, List<ThreadMessage> messages, List<TodoItem> todos) {
}

package io.switchboard.workflow.threads;

import java.util.UUID;

/** Published (in-process, in the same transaction) after a portal user checked off a to-do of {@code threadId}. */
public record TodoCheckedOff(UUID practiceId, UUID threadId, UUID todoId, UUID userId) {
}

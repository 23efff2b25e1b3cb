package io.switchboard.workflow.threads;

import java.util.UUID;

/**
 * Published (in-process, synchronously) just before a to-do of {@code threadId} is checked off, so
 * listeners can take their locks first: the jobs linked to the thread are locked before any to-do
 * row, the same order a manual move takes them, so the two never deadlock.
 */
public record TodoCheckOffStarting(UUID practiceId, UUID threadId) {
}

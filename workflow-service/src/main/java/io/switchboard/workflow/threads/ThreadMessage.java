package io.switchboard.workflow.threads;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.workflow.ThreadParty;

/** One message of a thread. */
public record ThreadMessage(UUID id, UUID authorUserId, ThreadParty authorParty, String body, boolean automated,
                            Instant postedAt) {
}

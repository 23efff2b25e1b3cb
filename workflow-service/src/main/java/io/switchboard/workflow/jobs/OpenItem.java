package io.switchboard.workflow.jobs;

import java.util.UUID;

/** An open to-do that blocks a manual move, as listed in the 409 problem's {@code openItems}. */
public record OpenItem(UUID todoId, UUID threadId, String text) {
}

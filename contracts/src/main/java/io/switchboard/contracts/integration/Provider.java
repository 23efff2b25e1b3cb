package io.switchboard.contracts.integration;

import io.switchboard.contracts.common.ChatProvider;

/** An external service a practice or user connects to (FEATURES.md P2–P4). */
public enum Provider {
    SLACK,
    MICROSOFT_TEAMS,
    GMAIL;

    /** The connection a chat provider's messages go through. */
    public static Provider of(ChatProvider chat) {
        return switch (chat) {
            case SLACK -> SLACK;
            case TEAMS -> MICROSOFT_TEAMS;
        };
    }
}

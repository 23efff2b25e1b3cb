package io.switchboard.integration.gmail;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;

/**
 * Gmail for the practice as people see it: whether an admin enabled it, and the caller's own Google
 * connection. Never a token.
 *
 * @param status CONNECTED while enabled for the practice, DISCONNECTED otherwise
 */
public record GmailConnection(Provider provider, ConnectionStatus status, UUID enabledBy, Instant enabledAt,
                              UserConnection me) {

    /** One user's own Google connection; {@code sync} when they granted read access for G5. */
    public record UserConnection(ConnectionStatus status, String googleUserId, String email, boolean sync,
                                 Instant connectedAt, String statusReason) {

        static UserConnection none() {
            return new UserConnection(ConnectionStatus.DISCONNECTED, null, null, false, null, null);
        }
    }

    static GmailConnection disabled() {
        return new GmailConnection(Provider.GMAIL, ConnectionStatus.DISCONNECTED, null, null, UserConnection.none());
    }
}

package io.switchboard.integration.teams;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;

/**
 * The practice's Teams connection as people see it: the organisation's admin consent and the caller's own
 * Microsoft connection. Never a token.
 *
 * @param status       the practice's: CONNECTED once an admin consented, DISCONNECTED before or after
 * @param tenantId     the Microsoft tenant that consented
 * @param me           the calling user's own connection (they post Teams messages with it)
 */
public record TeamsConnection(Provider provider, ConnectionStatus status, String tenantId, UUID consentedBy,
                              Instant consentedAt, String statusReason, UserConnection me) {

    /** One user's delegated connection. */
    public record UserConnection(ConnectionStatus status, String microsoftUserId, String userPrincipalName,
                                 Instant connectedAt, String statusReason) {

        static UserConnection none() {
            return new UserConnection(ConnectionStatus.DISCONNECTED, null, null, null, null);
        }
    }

    static TeamsConnection disconnected() {
        return new TeamsConnection(Provider.MICROSOFT_TEAMS, ConnectionStatus.DISCONNECTED, null, null, null, null,
                UserConnection.none());
    }
}

package io.switchboard.integration.slack;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;

/** A practice's provider connection as people see it: never its token. */
public record SlackConnection(Provider provider, ConnectionStatus status, String teamId, String teamName,
                              String botUserId, UUID connectedBy, Instant connectedAt, String statusReason) {

    public static SlackConnection disconnected() {
        return new SlackConnection(Provider.SLACK, ConnectionStatus.DISCONNECTED, null, null, null, null, null, null);
    }
}

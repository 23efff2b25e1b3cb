package io.switchboard.integration.teams;

import java.time.Instant;

/** A user's delegated Graph access token for the notifier's Teams worker: only through the internal endpoint. */
public record TeamsUserToken(String tenantId, String microsoftUserId, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TeamsUserToken[microsoftUserId=" + microsoftUserId + ", expiresAt=" + expiresAt + "]";
    }
}

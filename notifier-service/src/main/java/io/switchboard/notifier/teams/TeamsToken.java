package io.switchboard.notifier.teams;

import java.time.Instant;

import io.switchboard.notifier.delivery.DelegatedTokens;

/** A user's delegated Microsoft Graph token as integration-service hands it out; {@code toString} hides the token. */
public record TeamsToken(String tenantId, String microsoftUserId, String accessToken, Instant expiresAt)
        implements DelegatedTokens.Token {

    /** integration-service's {@code …/connections/teams/token}. */
    public static final DelegatedTokens.Provider<TeamsToken> TEAMS = new DelegatedTokens.Provider<>("teams", TeamsToken.class);

    @Override
    public String toString() {
        return "TeamsToken[tenantId=" + tenantId + ", microsoftUserId=" + microsoftUserId + ", accessToken=***, expiresAt="
                + expiresAt + "]";
    }
}

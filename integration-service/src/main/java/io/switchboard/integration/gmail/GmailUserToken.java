package io.switchboard.integration.gmail;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A user's Google access token for gmail-sync-service and the notifier: only through the internal endpoint.
 *
 * @param scopes what the user granted, one scope per element (Google answers them space-separated)
 */
public record GmailUserToken(String email, String googleUserId, String accessToken, Instant expiresAt,
                             List<String> scopes) {

    public GmailUserToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The token with the scopes as Google grants them: one space-separated string. */
    public static GmailUserToken granted(String email, String googleUserId, String accessToken, Instant expiresAt,
                                         String grantedScopes) {
        List<String> scopes = grantedScopes == null || grantedScopes.isBlank() ? List.of()
                : Arrays.asList(grantedScopes.strip().split("\\s+"));
        return new GmailUserToken(email, googleUserId, accessToken, expiresAt, scopes);
    }

    @Override
    public String toString() {
        return "GmailUserToken[email=" + email + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}

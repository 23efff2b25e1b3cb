package io.switchboard.integration.gmail;

import java.time.Instant;

/** A user's Google access token for gmail-sync-service and the notifier: only through the internal endpoint. */
public record GmailUserToken(String email, String googleUserId, String accessToken, Instant expiresAt, String scopes) {

    @Override
    public String toString() {
        return "GmailUserToken[email=" + email + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}

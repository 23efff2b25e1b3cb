package io.switchboard.gmail.access;

import java.time.Instant;
import java.util.Set;

/**
 * A user's short-lived Google access token as integration-service hands it out. Held in memory only,
 * never logged ({@link #toString()} hides it), never stored or put in an event.
 *
 * @param email        the Gmail address of the connected account
 * @param googleUserId Google's id of the account
 * @param accessToken  the bearer token for Gmail
 * @param expiresAt    when it stops working
 * @param scopes       the scopes the user granted
 */
public record UserToken(String email, String googleUserId, String accessToken, Instant expiresAt, Set<String> scopes) {

    public static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";
    /** Reading the message open in the add-on (G1). */
    public static final String ADDON_READ = SCOPE_PREFIX + "gmail.addons.current.message.readonly";
    /** Sending as the user (G3, G4). */
    public static final String SEND = SCOPE_PREFIX + "gmail.send";
    /** Reading the whole mailbox: only when the user opted in to sync (G5). */
    public static final String READONLY = SCOPE_PREFIX + "gmail.readonly";

    public UserToken {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean allows(String scope) {
        return scopes.contains(scope) || scopes.contains(scope.substring(SCOPE_PREFIX.length()));
    }

    @Override
    public String toString() {
        return "UserToken[email=" + email + ", expiresAt=" + expiresAt + ", scopes=" + scopes + ", accessToken=***]";
    }
}

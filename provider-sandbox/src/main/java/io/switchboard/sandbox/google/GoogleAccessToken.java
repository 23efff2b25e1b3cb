package io.switchboard.sandbox.google;

import java.time.Instant;

/** An access token Google's OAuth server issued; Gmail refuses it once expired or revoked. */
public record GoogleAccessToken(GoogleGrant grant, Instant expiresAt, boolean revoked) {

    public boolean isUsableAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}

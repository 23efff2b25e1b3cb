package io.switchboard.sandbox.microsoft;

import java.time.Instant;

/** An access token the identity platform issued; Graph refuses it once expired or revoked. */
public record MicrosoftAccessToken(MicrosoftGrant grant, Instant expiresAt, boolean revoked) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package io.switchboard.sandbox.microsoft;

import java.time.Instant;

/** Tokens issued for one grant; {@code refreshToken} is null unless {@code offline_access} was granted. */
public record IssuedTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken, MicrosoftGrant grant) {
}

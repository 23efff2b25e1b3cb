package io.switchboard.sandbox.google;

import java.time.Instant;

/** Tokens issued for one grant; {@code refreshToken} is null unless offline access was consented to just now. */
public record GoogleTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken, GoogleGrant grant) {
}

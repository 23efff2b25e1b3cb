package io.switchboard.integration.oauth;

import java.time.Instant;

/** What a provider's token endpoint granted; {@code refreshToken} may be absent. Never printed. */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {

    @Override
    public String toString() {
        return "OAuthTokens[expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}

package io.switchboard.sandbox.google.oauth;

import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.google.GoogleProperties;
import io.switchboard.sandbox.provider.ProviderEmulator;

/**
 * Google's OAuth 2.0 server: authorization ({@code accounts.google.com/o/oauth2/v2/auth}), token and revocation
 * ({@code oauth2.googleapis.com/token|revoke}) and userinfo ({@code /oauth2/v3/userinfo}), at the paths of
 * {@code sandbox.google.paths}.
 */
@Component
public class GoogleOAuthEmulator implements ProviderEmulator {

    public static final String NAME = "google";

    private final GoogleProperties.Paths paths;

    GoogleOAuthEmulator(GoogleProperties properties) {
        this.paths = properties.paths();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPatterns() {
        return List.of(paths.authorization(), paths.token(), paths.revoke(), paths.userinfo());
    }

    @Override
    public Object rateLimitedBody(long retryAfterSeconds) {
        return GoogleOAuthError.of("rate_limit_exceeded", "Rate limit exceeded. Retry after " + retryAfterSeconds + " seconds.");
    }
}

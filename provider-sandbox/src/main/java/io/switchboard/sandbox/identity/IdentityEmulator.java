package io.switchboard.sandbox.identity;

import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.provider.ProviderEmulator;

/**
 * The Microsoft identity platform, {@code https://login.microsoftonline.com/{tenant}/…}: the OAuth 2.0
 * endpoints and admin consent, at {@code /{tenant}/oauth2/v2.0/…} and {@code /{tenant}/adminconsent}.
 */
@Component
public class IdentityEmulator implements ProviderEmulator {

    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPatterns() {
        return List.of("/{tenant}/oauth2/v2.0/**", "/{tenant}/adminconsent", "/{tenant}/v2.0/adminconsent");
    }

    @Override
    public Object rateLimitedBody(long retryAfterSeconds) {
        return OAuthError.of("temporarily_unavailable", "Too many requests. Retry after " + retryAfterSeconds + " seconds.");
    }
}

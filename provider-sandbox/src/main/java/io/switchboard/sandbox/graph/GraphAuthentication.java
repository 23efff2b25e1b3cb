package io.switchboard.sandbox.graph;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.microsoft.MicrosoftAccessToken;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.provider.BearerTokens;
import io.switchboard.sandbox.ratelimit.RateLimiter;

/**
 * Checks the bearer token of a Graph call (none, unknown, expired or revoked is 401
 * {@code InvalidAuthenticationToken}) and counts the call against the app's per-tenant limit.
 */
@Component
class GraphAuthentication {

    static final String PER_TENANT = "per-tenant";

    private final MicrosoftTenants tenants;
    private final RateLimiter limiter;

    GraphAuthentication(MicrosoftTenants tenants, RateLimiter limiter) {
        this.tenants = tenants;
        this.limiter = limiter;
    }

    /** The grant behind the call's token, once the call fits the app's per-tenant limit. */
    MicrosoftGrant authenticate(HttpServletRequest request) {
        String value = BearerTokens.fromAuthorization(request)
                .orElseThrow(() -> GraphApiException.unauthenticated("Access token is empty."));
        MicrosoftAccessToken token = tenants.accessToken(value)
                .orElseThrow(() -> GraphApiException.unauthenticated("Access token validation failure."));
        if (token.revoked()) {
            throw GraphApiException.unauthenticated("Access token has been revoked: the user's grants were revoked.");
        }
        if (token.isExpiredAt(Instant.now())) {
            throw GraphApiException.unauthenticated("Lifetime validation failed, the token is expired.");
        }
        MicrosoftGrant grant = token.grant();
        limiter.acquire(GraphEmulator.NAME, PER_TENANT, grant.clientId() + "/" + grant.tenantId());
        return grant;
    }
}

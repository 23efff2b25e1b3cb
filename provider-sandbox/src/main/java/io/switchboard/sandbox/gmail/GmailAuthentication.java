package io.switchboard.sandbox.gmail;

import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.google.GoogleAccessToken;
import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.provider.BearerTokens;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.ratelimit.RateLimitedException;
import io.switchboard.sandbox.ratelimit.RateLimiter;

/**
 * Checks a Gmail call: the bearer token (none, unknown, expired or revoked is 401), the {@code userId} ({@code me} or
 * the token's own address; another is 403), the scopes the method needs (403), and charges the method's quota
 * units to the user's per-minute budget (429).
 */
@Component
class GmailAuthentication {

    static final String QUOTA = "quota-units-per-user";

    private final GoogleAccounts google;
    private final RateLimiter limiter;

    GmailAuthentication(GoogleAccounts google, RateLimiter limiter) {
        this.google = google;
        this.limiter = limiter;
    }

    /** The account the call acts for, once token, user id and scopes check out and the quota units are charged. */
    Caller authenticate(HttpServletRequest request, String userId, Set<String> anyOfScopes, int quotaUnits) {
        String value = BearerTokens.fromAuthorization(request)
                .orElseThrow(() -> GmailApiException.unauthenticated("no access token"));
        GoogleAccessToken token = google.accessToken(value)
                .orElseThrow(() -> GmailApiException.unauthenticated("unknown access token"));
        if (token.revoked()) {
            throw GmailApiException.unauthenticated("the token was revoked");
        }
        if (!token.isUsableAt(Instant.now())) {
            throw GmailApiException.unauthenticated("the token expired");
        }
        GoogleGrant grant = token.grant();
        GoogleAccount account = google.account(grant.sub())
                .orElseThrow(() -> GmailApiException.unauthenticated("the account no longer exists"));
        if (!"me".equals(userId) && !account.email().equalsIgnoreCase(userId)) {
            throw GmailApiException.forbidden("Delegation denied for " + account.email());
        }
        if (!grant.allowsAny(anyOfScopes)) {
            throw GmailApiException.insufficientScopes();
        }
        RateLimit budget = limiter.limit(GmailEmulator.NAME, QUOTA);
        if (quotaUnits > budget.burst()) {
            // A call dearer than the whole budget (a test set it that low) can never pass: throttled, not a crash.
            throw new RateLimitedException(GmailEmulator.NAME, QUOTA, Math.max(1, budget.period().toSeconds()));
        }
        limiter.acquire(GmailEmulator.NAME, QUOTA, account.sub(), quotaUnits);
        return new Caller(account, grant);
    }

    record Caller(GoogleAccount account, GoogleGrant grant) {
    }
}

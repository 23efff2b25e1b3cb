package io.switchboard.sandbox.ratelimit;

/** A call over its provider's limit; answered with HTTP 429 and {@code Retry-After} in the provider's shape. */
public class RateLimitedException extends RuntimeException {

    private final String provider;
    private final String limit;
    private final long retryAfterSeconds;

    public RateLimitedException(String provider, String limit, long retryAfterSeconds) {
        super(provider + " limit " + limit + " exceeded; retry after " + retryAfterSeconds + " s");
        this.provider = provider;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String provider() {
        return provider;
    }

    public String limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

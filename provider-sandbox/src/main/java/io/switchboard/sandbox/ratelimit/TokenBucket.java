package io.switchboard.sandbox.ratelimit;

/** One bucket of a {@link RateLimit}, refilled continuously from a monotonic nanosecond clock. */
final class TokenBucket {

    private final RateLimit limit;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimit limit, long now) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.refilledAt = now;
    }

    /** Takes {@code cost} tokens if there are enough; otherwise takes none and says how long until there will be. */
    synchronized long tryAcquire(int cost, long now) {
        if (cost > limit.burst()) {
            throw new IllegalArgumentException("cost " + cost + " exceeds the burst of " + limit);
        }
        refill(now);
        if (tokens >= cost) {
            tokens -= cost;
            return 0;
        }
        return (long) Math.ceil((cost - tokens) / limit.tokensPerNanosecond());
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= limit.burst();
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(limit.burst(), tokens + elapsed * limit.tokensPerNanosecond());
            refilledAt = now;
        }
    }
}

package io.switchboard.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this instance's memory, one per (policy, key): a bucket holds up to {@code burst}
 * tokens and gains {@code rate} tokens each {@code period}; a request takes one. It implements Spring
 * Cloud Gateway's {@link RateLimiter} so several instances can share limits by replacing this bean with
 * the gateway's {@code RedisRateLimiter} (see the module README); the policy is the "route id".
 *
 * <p>Memory stays bounded by dropping buckets that have refilled completely (forgetting them changes
 * nothing) whenever more than {@code maxTrackedKeys} are held, at most once a second.
 */
public class TokenBucketRateLimiter implements RateLimiter<TokenBucketRateLimiter.Limit> {

    public static final String RETRY_AFTER = "Retry-After";
    public static final String REMAINING = "X-RateLimit-Remaining";

    private final Map<String, Limit> limits;
    private final Clock clock;
    private final int maxTrackedKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public TokenBucketRateLimiter(Map<String, Limit> limits, Clock clock, int maxTrackedKeys) {
        this.limits = new ConcurrentHashMap<>(limits);
        this.clock = clock;
        this.maxTrackedKeys = maxTrackedKeys;
    }

    @Override
    public Mono<Response> isAllowed(String policy, String key) {
        return Mono.fromSupplier(() -> tryAcquire(policy, key));
    }

    /** Takes a token from the key's bucket under the policy; a policy without a limit allows everything. */
    public Response tryAcquire(String policy, String key) {
        Limit limit = limits.get(policy);
        if (limit == null) {
            return new Response(true, Map.of());
        }
        long now = nanos(clock.instant());
        sweepIfCrowded(now);
        Bucket bucket = buckets.computeIfAbsent(policy + '|' + key, k -> new Bucket(limit, now));
        return bucket.take(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfCrowded(long now) {
        long last = lastSweep.get();
        if (buckets.size() > maxTrackedKeys && now - last >= 1_000_000_000L && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public Map<String, Limit> getConfig() {
        return limits;
    }

    @Override
    public Class<Limit> getConfigClass() {
        return Limit.class;
    }

    @Override
    public Limit newConfig() {
        return new Limit(1, Duration.ofSeconds(1), 1);
    }

    /**
     * A budget: {@code rate} requests per {@code period} on average, bursts of up to {@code burst}.
     */
    public record Limit(int rate, Duration period, int burst) {
        public Limit {
            if (rate < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs rate >= 1, burst >= 1 and a positive period");
            }
        }

        double tokensPerNano() {
            return (double) rate / period.toNanos();
        }
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long updated;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.updated = now;
        }

        synchronized Response take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Response(true, Map.of(REMAINING, Long.toString((long) tokens)));
            }
            double nanosToNextToken = (1 - tokens) / limit.tokensPerNano();
            long seconds = Math.max(1, (long) Math.ceil(nanosToNextToken / 1_000_000_000d));
            return new Response(false, Map.of(RETRY_AFTER, Long.toString(seconds), REMAINING, "0"));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(limit.burst(), tokens + (now - updated) * limit.tokensPerNano());
                updated = now;
            }
        }
    }
}

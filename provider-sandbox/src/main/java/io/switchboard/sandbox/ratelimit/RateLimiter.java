package io.switchboard.sandbox.ratelimit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.switchboard.sandbox.Resettable;

/**
 * Enforces the providers' limits: one token bucket per (provider, limit, scope key), where the scope is what
 * the provider counts by (a workspace, a channel, a user). Limits come from configuration and can be
 * overridden at run time, which a test does to reach a limit in a call or two.
 */
public class RateLimiter implements Resettable {

    /** Past this many buckets, full ones (idle long enough to refill) are dropped; they would start full anyway. */
    private static final int EVICTION_THRESHOLD = 50_000;

    private final Map<String, Limit> configured;
    private final Map<String, Limit> overrides = new ConcurrentHashMap<>();
    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(Map<String, Map<String, RateLimit>> limits, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        Map<String, Limit> table = new LinkedHashMap<>();
        limits.forEach((provider, byName) -> byName.forEach((name, limit) -> {
            // Names compare without case or dashes, as in relaxed binding; of two spellings of one
            // name, the dashed one (the configuration file's) is the one shown.
            Limit candidate = new Limit(provider, name, limit);
            table.merge(key(provider, name), candidate, (existing, added) -> added.name().contains("-") ? added : existing);
        }));
        this.configured = Map.copyOf(table);
    }

    /** Takes one call from the bucket of {@code scope}, or throws {@link RateLimitedException}. */
    public void acquire(String provider, String limit, String scope) {
        acquire(provider, limit, scope, 1);
    }

    /** Takes {@code cost} units (e.g. Gmail quota units) from the bucket of {@code scope}, or throws. */
    public void acquire(String provider, String limit, String scope, int cost) {
        String limitKey = key(provider, limit);
        Limit effective = effective(limitKey, provider, limit);
        long now = nanoClock.getAsLong();
        if (buckets.size() > EVICTION_THRESHOLD) {
            buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(new BucketKey(limitKey, scope), key -> new TokenBucket(effective.limit(), now));
        long waitNanos = bucket.tryAcquire(cost, now);
        if (waitNanos > 0) {
            throw new RateLimitedException(effective.provider(), effective.name(), retryAfterSeconds(waitNanos));
        }
    }

    /** The limit in force: an override if one is set, else the configured one. */
    public RateLimit limit(String provider, String limit) {
        String limitKey = key(provider, limit);
        return effective(limitKey, provider, limit).limit();
    }

    /** Replaces a configured limit until {@link #reset()}; its buckets start again, full. */
    public RateLimit override(String provider, String limit, RateLimit replacement) {
        String limitKey = key(provider, limit);
        Limit current = effective(limitKey, provider, limit);
        overrides.put(limitKey, new Limit(current.provider(), current.name(), replacement));
        buckets.keySet().removeIf(bucket -> bucket.limitKey().equals(limitKey));
        return replacement;
    }

    /** Every limit in force, by provider and name. */
    public Map<String, Map<String, RateLimit>> limits() {
        Map<String, Map<String, RateLimit>> view = new TreeMap<>();
        configured.forEach((limitKey, limit) -> {
            Limit effective = overrides.getOrDefault(limitKey, limit);
            view.computeIfAbsent(effective.provider(), provider -> new TreeMap<>()).put(effective.name(), effective.limit());
        });
        return view;
    }

    public boolean isConfigured(String provider, String limit) {
        return configured.containsKey(key(provider, limit));
    }

    /** Drops overrides and buckets: every limit is as configured and every bucket full. */
    @Override
    public void reset() {
        overrides.clear();
        buckets.clear();
    }

    private Limit effective(String limitKey, String provider, String limit) {
        Limit override = overrides.get(limitKey);
        if (override != null) {
            return override;
        }
        Limit configuredLimit = configured.get(limitKey);
        if (configuredLimit == null) {
            throw new UnknownLimitException(provider, limit);
        }
        return configuredLimit;
    }

    static long retryAfterSeconds(long waitNanos) {
        // Providers send whole seconds; rounding down would invite a retry that fails again.
        return Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static String key(String provider, String limit) {
        return canonical(provider) + "/" + canonical(limit);
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "");
    }

    private record Limit(String provider, String name, RateLimit limit) {
    }

    private record BucketKey(String limitKey, String scope) {
    }

    /** A limit name no configuration declares: a typo in an emulator or a test, not a reason to let calls through. */
    public static class UnknownLimitException extends IllegalArgumentException {

        UnknownLimitException(String provider, String limit) {
            super("No limit " + limit + " is configured for " + provider + " under sandbox.limits");
        }
    }
}

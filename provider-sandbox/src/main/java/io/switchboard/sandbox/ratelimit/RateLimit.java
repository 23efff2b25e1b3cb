package io.switchboard.sandbox.ratelimit;

import java.time.Duration;

/**
 * A provider limit as a token bucket: {@code rate} calls per {@code period} on average, up to {@code burst}
 * at once. {@code period} defaults to one second and {@code burst} to {@code rate}.
 */
public record RateLimit(int rate, Duration period, int burst) {

    public RateLimit {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + rate);
        }
        if (period == null) {
            period = Duration.ofSeconds(1);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        if (burst <= 0) {
            burst = rate;
        }
    }

    public static RateLimit perSecond(int rate, int burst) {
        return new RateLimit(rate, Duration.ofSeconds(1), burst);
    }

    public static RateLimit perMinute(int rate, int burst) {
        return new RateLimit(rate, Duration.ofMinutes(1), burst);
    }

    double tokensPerNanosecond() {
        return (double) rate / period.toNanos();
    }
}

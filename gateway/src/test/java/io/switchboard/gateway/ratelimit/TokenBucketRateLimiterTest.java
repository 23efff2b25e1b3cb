package io.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import io.switchboard.gateway.MutableClock;
import io.switchboard.gateway.ratelimit.TokenBucketRateLimiter.Limit;

class TokenBucketRateLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(
            Map.of("practice", new Limit(2, Duration.ofSeconds(1), 4)), clock, 3);

    @Test
    void allowsABurstThenRefusesWithTheSecondsUntilTheNextToken() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("practice", "A").isAllowed()).isTrue();
        }
        Response refused = limiter.tryAcquire("practice", "A");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("practice", "A");
        }
        clock.advance(Duration.ofMillis(500));

        assertThat(limiter.tryAcquire("practice", "A").isAllowed()).isTrue();
        assertThat(limiter.tryAcquire("practice", "A").isAllowed()).isFalse();
    }

    @Test
    void oneKeyExhaustingItsBudgetLeavesAnotherUntouched() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("practice", "A");
        }

        assertThat(limiter.tryAcquire("practice", "A").isAllowed()).isFalse();
        assertThat(limiter.tryAcquire("practice", "B").isAllowed()).isTrue();
    }

    @Test
    void aSlowRateAnswersRetryAfterInWholeSeconds() {
        TokenBucketRateLimiter slow = new TokenBucketRateLimiter(
                Map.of("anonymous", new Limit(1, Duration.ofMinutes(1), 1)), clock, 10);
        slow.tryAcquire("anonymous", "ip:10.0.0.1");
        clock.advance(Duration.ofSeconds(15));

        assertThat(slow.tryAcquire("anonymous", "ip:10.0.0.1").getHeaders()).containsEntry("Retry-After", "45");
    }

    @Test
    void aPolicyWithoutALimitAllowsEverything() {
        assertThat(limiter.tryAcquire("unlimited", "x").isAllowed()).isTrue();
    }

    @Test
    void forgetsIdleBucketsWhenTooManyAreHeld() {
        for (String key : new String[] {"A", "B", "C", "D"}) {
            limiter.tryAcquire("practice", key);
        }
        clock.advance(Duration.ofSeconds(5));
        limiter.tryAcquire("practice", "E");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}

package io.switchboard.sandbox.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(Map.of(
            "slack", Map.of("post-message-per-channel", RateLimit.perSecond(1, 3)),
            "gmail", Map.of("quota-units-per-user", RateLimit.perMinute(6000, 6000))), nanos::get);

    @Test
    void allowsABurstThenRefusesWithTheWholeSecondsUntilTheNextCall() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        }

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.acquire("slack", "post-message-per-channel", "T1/C1"));

        assertThat(refused.provider()).isEqualTo("slack");
        assertThat(refused.limit()).isEqualTo("post-message-per-channel");
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        }

        advance(Duration.ofMillis(1000));
        limiter.acquire("slack", "post-message-per-channel", "T1/C1");

        assertThatThrownBy(() -> limiter.acquire("slack", "post-message-per-channel", "T1/C1"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void keepsASeparateBucketPerScopeKey() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        }

        limiter.acquire("slack", "post-message-per-channel", "T1/C2");
    }

    @Test
    void roundsRetryAfterUpToAWholeSecond() {
        limiter.override("slack", "post-message-per-channel", new RateLimit(1, Duration.ofSeconds(90), 1));
        limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        advance(Duration.ofMillis(500));

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.acquire("slack", "post-message-per-channel", "T1/C1"));

        assertThat(refused.retryAfterSeconds()).isEqualTo(90);
    }

    @Test
    void chargesACostInQuotaUnits() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire("gmail", "quota-units-per-user", "amy@practice.test", 100);
        }

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.acquire("gmail", "quota-units-per-user", "amy@practice.test", 100));

        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void overrideStartsFullBucketsAndResetRestoresTheConfiguredLimit() {
        limiter.override("slack", "post-message-per-channel", RateLimit.perMinute(1, 1));
        limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        assertThat(limiter.limit("slack", "post-message-per-channel")).isEqualTo(RateLimit.perMinute(1, 1));

        limiter.reset();

        assertThat(limiter.limit("slack", "post-message-per-channel")).isEqualTo(RateLimit.perSecond(1, 3));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("slack", "post-message-per-channel", "T1/C1");
        }
    }

    @Test
    void refusesALimitNoConfigurationDeclares() {
        assertThatThrownBy(() -> limiter.acquire("slack", "post-mesage-per-channel", "T1/C1"))
                .isInstanceOf(RateLimiter.UnknownLimitException.class)
                .hasMessageContaining("post-mesage-per-channel");
    }

    @Test
    void defaultsPeriodToOneSecondAndBurstToTheRate() {
        RateLimit limit = new RateLimit(4, null, 0);

        assertThat(limit.period()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limit.burst()).isEqualTo(4);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }
}

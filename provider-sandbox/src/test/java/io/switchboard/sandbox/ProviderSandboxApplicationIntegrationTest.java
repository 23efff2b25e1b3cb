package io.switchboard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.ratelimit.RateLimiter;

/** The standalone app, as {@code java -jar} runs it: configured from provider-sandbox.yml and its arguments. */
class ProviderSandboxApplicationIntegrationTest {

    @Test
    void readsProviderSandboxYmlAndLetsArgumentsOverrideIt() {
        try (ConfigurableApplicationContext context = ProviderSandboxApplication.run(
                "--server.port=0", "--sandbox.smtp.port=0", "--sandbox.limits.slack.tier3.rate=7")) {
            assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("provider-sandbox");
            assertThat(context.getEnvironment().getProperty("sandbox.recording.capacity")).isEqualTo("10000");
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertThat(limiter.limit("slack", "tier3")).isEqualTo(RateLimit.perMinute(7, 7));
            assertThat(limiter.limit("slack", "post-message-per-channel")).isEqualTo(RateLimit.perSecond(1, 3));
        }
    }
}

package io.switchboard.sandbox.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RateLimitPropertiesTest {

    @Test
    void anEnvironmentVariableOverridesALimitWhoseNameHasDashes() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("provider-sandbox.yml", Map.of(
                "sandbox.limits.slack.post-message-per-channel.rate", "1",
                "sandbox.limits.slack.post-message-per-channel.period", "1s",
                "sandbox.limits.slack.post-message-per-channel.burst", "3")));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SANDBOX_LIMITS_SLACK_POSTMESSAGEPERCHANNEL_RATE", "5",
                "SANDBOX_LIMITS_SLACK_POSTMESSAGEPERCHANNEL_PERIOD", "1m")));
        ConfigurationPropertySources.attach(environment);

        RateLimitProperties properties = Binder.get(environment).bind("sandbox", RateLimitProperties.class).get();
        RateLimiter limiter = new RateLimiter(properties.limits(), System::nanoTime);

        assertThat(limiter.limit("slack", "post-message-per-channel")).isEqualTo(new RateLimit(5, Duration.ofMinutes(1), 3));
        assertThat(limiter.limits().get("slack")).containsOnlyKeys("post-message-per-channel");
    }
}

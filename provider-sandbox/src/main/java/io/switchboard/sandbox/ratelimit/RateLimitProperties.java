package io.switchboard.sandbox.ratelimit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The providers' limits, {@code sandbox.limits.<provider>.<limit>.rate|period|burst}, e.g.
 * {@code sandbox.limits.slack.post-message-per-channel.rate=1}. Environment variables drop the dashes:
 * {@code SANDBOX_LIMITS_SLACK_POSTMESSAGEPERCHANNEL_RATE}.
 */
@ConfigurationProperties("sandbox")
public record RateLimitProperties(Map<String, Map<String, RateLimit>> limits) {

    public RateLimitProperties {
        limits = limits == null ? Map.of() : limits;
    }
}

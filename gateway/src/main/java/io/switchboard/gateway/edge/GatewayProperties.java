package io.switchboard.gateway.edge;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.switchboard.gateway.ratelimit.TokenBucketRateLimiter.Limit;

/**
 * The gateway's edge settings ({@code switchboard.gateway.*}).
 *
 * @param maxRequestSize the largest request body accepted, the same as the services' limit
 * @param cors           who may call the API from a browser
 * @param rateLimit      request budgets by policy ({@code practice}, {@code anonymous}, {@code slack})
 * @param apiDocs        the services whose OpenAPI documents {@code /api-docs} lists, by their path prefix
 */
@ConfigurationProperties("switchboard.gateway")
public record GatewayProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Cors cors,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue({"register", "integrations", "notifications", "gmail", "workflow"}) List<String> apiDocs) {

    /** @param allowedOrigins the web front end's origins, e.g. https://app.example.com */
    public record Cors(@DefaultValue("http://localhost:5173") List<String> allowedOrigins) {
    }

    /**
     * @param limits         per policy: rate per period and burst; a policy not configured keeps its default
     * @param maxTrackedKeys buckets held before full (idle) ones are dropped
     */
    public record RateLimit(Map<String, Limit> limits, @DefaultValue("100000") int maxTrackedKeys) {
        public RateLimit {
            Map<String, Limit> merged = new HashMap<>(defaults());
            if (limits != null) {
                merged.putAll(limits);
            }
            limits = Map.copyOf(merged);
        }

        static Map<String, Limit> defaults() {
            return Map.of(
                    "practice", new Limit(50, Duration.ofSeconds(1), 100),
                    "anonymous", new Limit(5, Duration.ofSeconds(1), 20),
                    "slack", new Limit(50, Duration.ofSeconds(1), 100));
        }
    }
}

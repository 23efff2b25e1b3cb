package io.switchboard.sandbox.microsoft;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.microsoft.*}: how long the identity platform's codes and tokens live, and how many items
 * a Graph list answers per page (small, so that clients' paging is exercised).
 */
@ConfigurationProperties("sandbox.microsoft")
public record MicrosoftProperties(
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("90d") Duration refreshTokenLifetime,
        @DefaultValue("5") int pageSize) {

    public MicrosoftProperties {
        requirePositive("code-lifetime", codeLifetime);
        requirePositive("access-token-lifetime", accessTokenLifetime);
        requirePositive("refresh-token-lifetime", refreshTokenLifetime);
        if (pageSize <= 0) {
            throw new IllegalArgumentException("sandbox.microsoft.page-size must be positive, was " + pageSize);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("sandbox.microsoft." + name + " must be positive, was " + value);
        }
    }
}

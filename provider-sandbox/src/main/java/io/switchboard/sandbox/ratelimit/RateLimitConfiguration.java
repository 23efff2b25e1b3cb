package io.switchboard.sandbox.ratelimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the limiter from {@code sandbox.limits} on the JVM's monotonic clock. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties) {
        return new RateLimiter(properties.limits(), System::nanoTime);
    }
}

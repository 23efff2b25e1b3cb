package io.switchboard.sandbox.provider;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.switchboard.sandbox.ratelimit.RateLimitedException;

/** Answers a throttled call as its provider does: HTTP 429, {@code Retry-After} in whole seconds, the provider's body. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitedAdvice {

    private final ProviderEmulators emulators;

    RateLimitedAdvice(ProviderEmulators emulators) {
        this.emulators = emulators;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        Object body = emulators.named(e.provider())
                .map(emulator -> emulator.rateLimitedBody(e.retryAfterSeconds()))
                .orElse(null);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}

package io.switchboard.sandbox.ratelimit;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The limits in force, {@code GET /sandbox/api/limits}, and a run-time override,
 * {@code PUT /sandbox/api/limits/{provider}/{limit}} with {@code {"rate":1,"period":"PT1M","burst":1}};
 * {@code POST /sandbox/api/reset} restores the configured ones.
 */
@RestController
class LimitsApi {

    private final RateLimiter limiter;

    LimitsApi(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @GetMapping("/sandbox/api/limits")
    Map<String, Map<String, RateLimit>> limits() {
        return limiter.limits();
    }

    @PutMapping("/sandbox/api/limits/{provider}/{limit}")
    RateLimit override(@PathVariable String provider, @PathVariable String limit, @RequestBody RateLimit replacement) {
        return limiter.override(provider, limit, replacement);
    }

    @ExceptionHandler(RateLimiter.UnknownLimitException.class)
    ResponseEntity<ProblemDetail> unknownLimit(RateLimiter.UnknownLimitException e) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage())).build();
    }
}

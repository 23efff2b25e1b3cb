package io.switchboard.gmail.access;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.switchboard.platform.correlation.Correlation;

/** Problem+json with a machine-readable {@code reason} when Gmail cannot be used (G6) or is throttling. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GmailProblems {

    @ExceptionHandler(GmailUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(GmailUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.reason().status(), e.reason().detail());
        problem.setType(URI.create("https://switchboard.io/problems/gmail-unavailable"));
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("correlationId", Correlation.correlationId());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.reason().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(problem);
    }
}

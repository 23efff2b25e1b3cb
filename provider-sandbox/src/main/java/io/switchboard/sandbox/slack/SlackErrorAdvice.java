package io.switchboard.sandbox.slack;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link SlackApiError} into Slack's HTTP 200 {@code {"ok":false,"error":…}}. */
@RestControllerAdvice(basePackageClasses = SlackErrorAdvice.class)
class SlackErrorAdvice {

    @ExceptionHandler(SlackApiError.class)
    ResponseEntity<SlackErrorResponse> slackError(SlackApiError e) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SlackErrorResponse.of(e));
    }
}

package io.switchboard.sandbox.recording;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * The recorded provider calls as JSON, oldest first: {@code GET /sandbox/api/requests?provider=slack&path=/api/chat.*};
 * {@code DELETE} forgets them.
 */
@RestController
class RequestsApi {

    private final RequestRecorder recorder;

    RequestsApi(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    @GetMapping("/sandbox/api/requests")
    List<RecordedRequest> requests(@RequestParam(required = false) String provider,
            @RequestParam(required = false) String path) {
        return recorder.requests(blankToNull(provider), blankToNull(path));
    }

    @DeleteMapping("/sandbox/api/requests")
    ResponseEntity<Void> clear() {
        recorder.reset();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(PatternParseException.class)
    ResponseEntity<ProblemDetail> badPattern(PatternParseException e) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "path is not a valid path pattern: " + e.getMessage())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

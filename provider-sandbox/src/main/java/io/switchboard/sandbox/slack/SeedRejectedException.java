package io.switchboard.sandbox.slack;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A seed the sandbox refuses: invalid fields (400, listed) or a team or token that exists already (409). */
public class SeedRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final List<SlackWorkspaceSeed.FieldError> errors;

    private SeedRejectedException(HttpStatus status, String detail, List<SlackWorkspaceSeed.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static SeedRejectedException invalid(List<SlackWorkspaceSeed.FieldError> errors) {
        return new SeedRejectedException(HttpStatus.BAD_REQUEST, "The workspace seed is invalid", errors);
    }

    static SeedRejectedException conflict(String detail) {
        return new SeedRejectedException(HttpStatus.CONFLICT, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<SlackWorkspaceSeed.FieldError> errors() {
        return errors;
    }
}

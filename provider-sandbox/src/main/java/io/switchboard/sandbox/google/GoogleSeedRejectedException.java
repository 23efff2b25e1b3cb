package io.switchboard.sandbox.google;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A seed or command the sandbox refuses: invalid fields (400, listed), a clash (409), or an unknown account (404). */
public class GoogleSeedRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final List<GoogleSeed.FieldError> errors;

    private GoogleSeedRejectedException(HttpStatus status, String detail, List<GoogleSeed.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static GoogleSeedRejectedException invalid(String detail, List<GoogleSeed.FieldError> errors) {
        return new GoogleSeedRejectedException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    static GoogleSeedRejectedException conflict(String detail) {
        return new GoogleSeedRejectedException(HttpStatus.CONFLICT, detail, List.of());
    }

    static GoogleSeedRejectedException notFound(String detail) {
        return new GoogleSeedRejectedException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<GoogleSeed.FieldError> errors() {
        return errors;
    }
}

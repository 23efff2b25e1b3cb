package io.switchboard.sandbox.microsoft;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A tenant or app the sandbox refuses: invalid fields (400, listed), a clash with existing ones (409), or an unknown reference (404). */
public class MicrosoftSeedRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final List<MicrosoftTenantSeed.FieldError> errors;

    private MicrosoftSeedRejectedException(HttpStatus status, String detail, List<MicrosoftTenantSeed.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static MicrosoftSeedRejectedException invalid(List<MicrosoftTenantSeed.FieldError> errors) {
        return new MicrosoftSeedRejectedException(HttpStatus.BAD_REQUEST, "The tenant seed is invalid", errors);
    }

    static MicrosoftSeedRejectedException conflict(String detail) {
        return new MicrosoftSeedRejectedException(HttpStatus.CONFLICT, detail, List.of());
    }

    static MicrosoftSeedRejectedException notFound(String detail) {
        return new MicrosoftSeedRejectedException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<MicrosoftTenantSeed.FieldError> errors() {
        return errors;
    }
}

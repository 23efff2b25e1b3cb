package io.switchboard.sandbox.identity;

import org.springframework.http.HttpStatus;

/** An identity-platform error answered in the OAuth JSON shape, e.g. {@code invalid_grant} with AADSTS70008. */
class OAuthException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final int code;

    OAuthException(HttpStatus status, String error, int code, String message) {
        super(message);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    static OAuthException badRequest(String error, int code, String message) {
        return new OAuthException(HttpStatus.BAD_REQUEST, error, code, message);
    }

    static OAuthException missing(String parameter) {
        return badRequest("invalid_request", 900144, "The request body must contain the following parameter: '" + parameter + "'.");
    }

    static OAuthException invalidGrant(int code, String message) {
        return badRequest("invalid_grant", code, message);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    int code() {
        return code;
    }
}

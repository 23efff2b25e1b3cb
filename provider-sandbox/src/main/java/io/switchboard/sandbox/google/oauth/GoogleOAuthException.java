package io.switchboard.sandbox.google.oauth;

import org.springframework.http.HttpStatus;

/** An OAuth error answered as Google's JSON, e.g. 400 {@code invalid_grant}. */
class GoogleOAuthException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    GoogleOAuthException(HttpStatus status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static GoogleOAuthException invalidGrant(String description) {
        return new GoogleOAuthException(HttpStatus.BAD_REQUEST, "invalid_grant", description);
    }

    static GoogleOAuthException invalidRequest(String description) {
        return new GoogleOAuthException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}

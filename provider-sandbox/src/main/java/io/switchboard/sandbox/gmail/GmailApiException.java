package io.switchboard.sandbox.gmail;

import org.springframework.http.HttpStatus;

/** A Gmail API error, answered in Google's JSON error shape. */
class GmailApiException extends RuntimeException {

    private final HttpStatus status;
    private final String googleStatus;
    private final String reason;

    GmailApiException(HttpStatus status, String googleStatus, String reason, String message) {
        super(message);
        this.status = status;
        this.googleStatus = googleStatus;
        this.reason = reason;
    }

    static GmailApiException unauthenticated(String detail) {
        return new GmailApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "authError",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid"
                        + " authentication credential. (" + detail + ")");
    }

    static GmailApiException insufficientScopes() {
        return new GmailApiException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED", "insufficientPermissions",
                "Request had insufficient authentication scopes.");
    }

    static GmailApiException forbidden(String message) {
        return new GmailApiException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED", "forbidden", message);
    }

    static GmailApiException notFound() {
        return new GmailApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "notFound", "Requested entity was not found.");
    }

    static GmailApiException invalidArgument(String message) {
        return new GmailApiException(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", "invalidArgument", message);
    }

    HttpStatus status() {
        return status;
    }

    GoogleError body() {
        return GoogleError.of(status.value(), googleStatus, reason, getMessage());
    }
}

package io.switchboard.sandbox.graph;

import org.springframework.http.HttpStatus;

/** A Graph call refused with a status and Graph's error code, e.g. 400 {@code BadRequest}. */
class GraphApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    GraphApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static GraphApiException badRequest(String message) {
        return new GraphApiException(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }

    static GraphApiException unauthenticated(String message) {
        return new GraphApiException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", message);
    }

    static GraphApiException notFound(String code, String message) {
        return new GraphApiException(HttpStatus.NOT_FOUND, code, message);
    }

    static GraphApiException forbidden(String message) {
        return new GraphApiException(HttpStatus.FORBIDDEN, "Forbidden", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}

package io.switchboard.sandbox.slack;

import org.springframework.http.HttpStatus;

/** A button press the sandbox cannot simulate (unknown message or button, no Request URL) or deliver. */
public class InteractionRejectedException extends RuntimeException {

    private final HttpStatus status;

    InteractionRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}

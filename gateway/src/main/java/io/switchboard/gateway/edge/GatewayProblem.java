package io.switchboard.gateway.edge;

import org.springframework.http.HttpStatus;

/**
 * A refusal the gateway decided on, with a detail that is safe to show the caller; rendered by
 * {@link GatewayErrorHandler}.
 */
public class GatewayProblem extends RuntimeException {

    private final HttpStatus status;

    public GatewayProblem(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}

package io.switchboard.integration.oauth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The practice has no working connection to the provider: 404 with {@code reason: PROVIDER_DISCONNECTED}. */
public class ProviderDisconnectedException extends ErrorResponseException {

    public ProviderDisconnectedException(String provider) {
        super(HttpStatus.NOT_FOUND, problem(provider), null);
    }

    private static ProblemDetail problem(String provider) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The practice has no " + provider + " connection.");
        problem.setProperty("reason", "PROVIDER_DISCONNECTED");
        return problem;
    }
}

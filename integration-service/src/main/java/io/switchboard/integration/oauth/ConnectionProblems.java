package io.switchboard.integration.oauth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a provider credential cannot be handed out, as problems with a {@code reason} the notifier turns
 * into the delivery report's reason code (the names are {@code DeliveryReason}'s).
 */
public final class ConnectionProblems {

    private ConnectionProblems() {
    }

    /** The provider rejected the stored credential (P8): someone must reconnect. 409: it exists, but cannot serve. */
    public static ErrorResponseException needsReauthorising(String what) {
        return problem(HttpStatus.CONFLICT, what + " needs re-authorising: the provider rejected its token.",
                "CONNECTION_NEEDS_REAUTH");
    }

    /** A delegated send needs this user's own connection, and they have none. */
    public static ErrorResponseException userNotConnected(String provider) {
        return problem(HttpStatus.NOT_FOUND, "The user has not connected " + provider + ".", "USER_NOT_CONNECTED");
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("reason", reason);
        return new ErrorResponseException(status, problem, null);
    }
}

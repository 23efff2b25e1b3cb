package io.switchboard.gmail.access;

import org.springframework.http.HttpStatus;

/** Why Gmail cannot be used for a call; the {@code reason} member of the problem+json answer. */
public enum GmailReason {
    GMAIL_DISABLED(HttpStatus.FORBIDDEN, "Gmail is disabled for the practice."),
    GMAIL_NOT_CONNECTED(HttpStatus.FORBIDDEN, "You have not connected your Gmail account."),
    GMAIL_NEEDS_REAUTH(HttpStatus.FORBIDDEN, "Google no longer accepts your Gmail connection; reconnect Gmail."),
    GMAIL_SCOPE_MISSING(HttpStatus.FORBIDDEN, "Your Gmail connection does not allow this; reconnect Gmail and grant it."),
    GMAIL_RATE_LIMITED(HttpStatus.SERVICE_UNAVAILABLE, "Gmail asks us to slow down; try again shortly."),
    GMAIL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Gmail or the connection service is not reachable; try again shortly.");

    private final HttpStatus status;
    private final String detail;

    GmailReason(HttpStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}

package io.switchboard.gmail.access;

import java.time.Duration;

/** Gmail cannot be used for this call; answered with the reason's status and a {@code reason} member. */
public class GmailUnavailableException extends RuntimeException {

    private final GmailReason reason;
    private final Duration retryAfter;

    public GmailUnavailableException(GmailReason reason) {
        this(reason, null);
    }

    public GmailUnavailableException(GmailReason reason, Duration retryAfter) {
        super(reason.detail());
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public GmailReason reason() {
        return reason;
    }

    /** For {@link GmailReason#GMAIL_RATE_LIMITED}: how long Gmail asked us to wait, else {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

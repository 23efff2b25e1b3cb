package io.switchboard.notifier.delivery;

import java.time.Duration;

import io.switchboard.contracts.notification.DeliveryReason;

/**
 * What one provider call achieved. {@code reason} is always from the one {@link DeliveryReason} enum.
 *
 * @param retryAfter for {@link Status#RATE_LIMITED}: the provider's Retry-After
 * @param scope      for {@link Status#RATE_LIMITED}: whether the limit hit the target (channel) or the whole workspace
 */
public record SendReceipt(Status status, DeliveryReason reason, String reasonText, String providerMessageId,
                          Duration retryAfter, Scope scope) {

    public enum Status { DELIVERED, TRANSIENT, RATE_LIMITED, PERMANENT }

    public enum Scope { TARGET, WORKSPACE }

    public static SendReceipt delivered(String providerMessageId) {
        return new SendReceipt(Status.DELIVERED, null, null, providerMessageId, null, null);
    }

    /** Delivered, with a note for people on how (for example "sent by SMTP: Sam has no Gmail connected"). */
    public static SendReceipt delivered(String providerMessageId, String how) {
        return new SendReceipt(Status.DELIVERED, null, how, providerMessageId, null, null);
    }

    public static SendReceipt permanent(DeliveryReason reason, String text) {
        return new SendReceipt(Status.PERMANENT, reason, text, null, null, null);
    }

    public static SendReceipt transientFailure(DeliveryReason reason, String text) {
        return new SendReceipt(Status.TRANSIENT, reason, text, null, null, null);
    }

    public static SendReceipt rateLimited(Duration retryAfter, Scope scope, String text) {
        return new SendReceipt(Status.RATE_LIMITED, DeliveryReason.RATE_LIMITED, text, null, retryAfter, scope);
    }
}

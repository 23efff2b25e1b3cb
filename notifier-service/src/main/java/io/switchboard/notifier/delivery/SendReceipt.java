package io.switchboard.notifier.delivery;

import java.time.Duration;

import io.switchboard.contracts.notification.DeliveryReason;

/**
 * What one provider call achieved. {@code reason} is always from the one {@link DeliveryReason} enum.
 *
 * @param retryAfter for {@link Status#RATE_LIMITED}: the provider's Retry-After
 * @param scope      for {@link Status#RATE_LIMITED}: whether the limit hit the target (channel) or the whole workspace;
 *                   for {@link Status#WAITING}: not used ({@code retryAfter} is the wait)
 * @param providerChannelId for a delivered chat post: the conversation it landed in (a Slack DM's is only known
 *                   from the provider's answer), so a later edit can address it; else {@code null}
 */
public record SendReceipt(Status status, DeliveryReason reason, String reasonText, String providerMessageId,
                          Duration retryAfter, Scope scope, String providerChannelId) {

    /**
     * {@code NOT_SENT}: deliberately not sent, nothing to retry (an edit of a post that was never delivered).
     * {@code WAITING}: not tried yet because something it depends on is not done (an edit whose post is still
     * queued); back in the queue after {@code retryAfter}, without slowing the target down.
     */
    public enum Status { DELIVERED, TRANSIENT, RATE_LIMITED, PERMANENT, NOT_SENT, WAITING }

    public enum Scope { TARGET, WORKSPACE }

    public static SendReceipt delivered(String providerMessageId) {
        return new SendReceipt(Status.DELIVERED, null, null, providerMessageId, null, null, null);
    }

    /** Delivered, with a note for people on how (for example "sent by SMTP: Sam has no Gmail connected"). */
    public static SendReceipt delivered(String providerMessageId, String how) {
        return new SendReceipt(Status.DELIVERED, null, how, providerMessageId, null, null, null);
    }

    public static SendReceipt permanent(DeliveryReason reason, String text) {
        return new SendReceipt(Status.PERMANENT, reason, text, null, null, null, null);
    }

    public static SendReceipt transientFailure(DeliveryReason reason, String text) {
        return new SendReceipt(Status.TRANSIENT, reason, text, null, null, null, null);
    }

    public static SendReceipt rateLimited(Duration retryAfter, Scope scope, String text) {
        return new SendReceipt(Status.RATE_LIMITED, DeliveryReason.RATE_LIMITED, text, null, retryAfter, scope, null);
    }

    /** Delivered as a chat post in {@code channelId} (the conversation the provider put it in). */
    public static SendReceipt posted(String providerMessageId, String channelId) {
        return new SendReceipt(Status.DELIVERED, null, null, providerMessageId, null, null, channelId);
    }

    public static SendReceipt notSent(DeliveryReason reason, String text) {
        return new SendReceipt(Status.NOT_SENT, reason, text, null, null, null, null);
    }

    public static SendReceipt waiting(Duration wait, String text) {
        return new SendReceipt(Status.WAITING, null, text, null, wait, null, null);
    }
}

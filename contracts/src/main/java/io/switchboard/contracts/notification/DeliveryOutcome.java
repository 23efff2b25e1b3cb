package io.switchboard.contracts.notification;

/** Where one notification stands (FEATURES.md R4, N8). */
public enum DeliveryOutcome {
    /** Accepted by the notifier, not yet at the provider. */
    QUEUED,
    /** The provider accepted it; the report carries its message id. */
    DELIVERED,
    /** Deliberately not sent: nothing to send it through (no channel, no connection). */
    NOT_SENT,
    /** Tried and failed for good. */
    FAILED
}

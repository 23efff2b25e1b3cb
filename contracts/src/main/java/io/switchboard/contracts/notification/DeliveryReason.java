package io.switchboard.contracts.notification;

/**
 * Why a notification was not sent or failed: the one reason-code vocabulary every channel uses, so
 * consumers can show and count outcomes without knowing a provider's error strings.
 */
public enum DeliveryReason {
    /** The practice settings would send nothing: chat mode with no channel, or nothing selected (P5). */
    NO_CHANNEL_CONFIGURED,
    /** The practice has no connection to the provider, or disconnected it (P6). */
    PROVIDER_DISCONNECTED,
    /** The connection's token was revoked or expired; an admin must reconnect (P8). */
    CONNECTION_NEEDS_REAUTH,
    /** The user a delegated send needs (Teams sender, Gmail sender) has not connected their account. */
    USER_NOT_CONNECTED,
    /** The recipient has no identity at the provider (no Slack or Microsoft user for their email). */
    USER_NOT_FOUND,
    /** The recipient is deactivated in the directory. */
    USER_INACTIVE,
    /** Slack {@code channel_not_found} or a Teams channel that no longer exists. */
    CHANNEL_NOT_FOUND,
    /** Slack {@code not_in_channel}: the app was not invited to the channel. */
    NOT_IN_CHANNEL,
    /** Slack {@code is_archived}: the channel is archived. */
    IS_ARCHIVED,
    /** The email address was refused as invalid. */
    INVALID_ADDRESS,
    /** The provider refused the message itself (too long, malformed blocks or card). */
    MESSAGE_REJECTED,
    /** Still throttled (HTTP 429) when the retries ran out. */
    RATE_LIMITED,
    /** The provider was unreachable or answered 5xx until the retries ran out. */
    PROVIDER_UNAVAILABLE,
    /** Any other provider error; the reason text has the provider's code. */
    PROVIDER_ERROR
}

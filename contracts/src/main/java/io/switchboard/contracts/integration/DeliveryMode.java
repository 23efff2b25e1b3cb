package io.switchboard.contracts.integration;

/** Which channels a default share uses; chat means the connected Slack or Teams (P5). */
public enum DeliveryMode {
    EMAIL_ONLY,
    CHAT_ONLY,
    EMAIL_AND_CHAT
}

package io.switchboard.sandbox.slack;

/**
 * A person clicking a button of a message, as {@code POST /sandbox/api/slack/interactions/press} takes it:
 * the message by workspace, conversation and ts, who clicks, and the button's {@code action_id}.
 */
public record ButtonPress(String teamId, String channelId, String ts, String userId, String actionId) {
}

package io.switchboard.integration.slack;

/**
 * What the notifier needs to post as the practice's Slack app. Holds the bot token: only the internal
 * token endpoint serialises it, and {@link #toString()} never shows it.
 */
public record SlackBotCredentials(String teamId, String botUserId, String botToken) {

    @Override
    public String toString() {
        return "SlackBotCredentials[teamId=" + teamId + ", botUserId=" + botUserId + ", botToken=****]";
    }
}

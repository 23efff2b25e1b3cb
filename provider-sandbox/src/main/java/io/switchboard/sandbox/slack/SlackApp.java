package io.switchboard.sandbox.slack;

/**
 * A Slack app as registered with {@code POST /sandbox/api/slack/apps}: its OAuth client, its id, the workspace
 * its installs land in, and its interactivity settings. {@code signingSecret} and {@code interactivityUrl}
 * (the Request URL Slack posts button presses to) are optional; left out, {@code sandbox.slack.signing-secret}
 * and {@code sandbox.slack.interactivity-url} apply.
 */
public record SlackApp(String clientId, String clientSecret, String appId, String teamId, String signingSecret,
        String interactivityUrl) {

    public SlackApp(String clientId, String clientSecret, String appId, String teamId) {
        this(clientId, clientSecret, appId, teamId, null, null);
    }

    /** The secret and Request URL are not part of what the sandbox shows of an app. */
    @Override
    public String toString() {
        return "SlackApp[clientId=" + clientId + ", appId=" + appId + ", teamId=" + teamId + ", interactivityUrl="
                + interactivityUrl + "]";
    }
}

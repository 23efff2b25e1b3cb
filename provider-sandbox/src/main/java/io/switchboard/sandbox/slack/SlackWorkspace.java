package io.switchboard.sandbox.slack;

/** A Slack workspace (team) with the Switchboard app installed: its identity and the app's bot user. */
public record SlackWorkspace(String teamId, String teamName, String domain, String botUserId, String botId, String botName) {

    /** The workspace URL as Slack reports it, e.g. {@code https://acme.slack.com/}. */
    public String url() {
        return "https://" + domain + ".slack.com/";
    }
}

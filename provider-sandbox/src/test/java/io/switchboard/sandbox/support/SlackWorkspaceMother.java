package io.switchboard.sandbox.support;

import java.util.List;

import io.switchboard.sandbox.slack.SlackWorkspaceSeed;

/** Slack workspaces for tests: a practice's workspace with the app installed and a couple of channels and people. */
public final class SlackWorkspaceMother {

    public static final String ACME_TEAM_ID = "T0ACME0001";
    public static final String ACME_BOT_TOKEN = "xoxb-1111111111-2222222222-AcmeBotTokenSecret7a3f";
    public static final String ACME_BOT_USER_ID = "U0ACMEBOT";
    public static final String ACME_BOT_ID = "B0ACMEBOT";

    private SlackWorkspaceMother() {
    }

    public static SlackWorkspaceSeed acme() {
        return new SlackWorkspaceSeed(ACME_TEAM_ID, "Acme Accounting", "acme-accounting", ACME_BOT_TOKEN,
                ACME_BOT_USER_ID, ACME_BOT_ID, "switchboard",
                List.of(SlackWorkspaceSeed.Channel.withBot("C0FRONTDESK", "front-desk"),
                        SlackWorkspaceSeed.Channel.withoutBot("C0PARTNERS", "partners")),
                List.of(new SlackWorkspaceSeed.User("U0AMY", "amy@acme-accounting.test", "amy"),
                        new SlackWorkspaceSeed.User("U0BEN", "ben@acme-accounting.test", "ben")));
    }

    /** A second workspace with only the required fields, leaving ids and names to the sandbox. */
    public static SlackWorkspaceSeed minimal(String teamId, String botToken) {
        return new SlackWorkspaceSeed(teamId, "Minimal Practice", null, botToken, null, null, null, null, null);
    }
}

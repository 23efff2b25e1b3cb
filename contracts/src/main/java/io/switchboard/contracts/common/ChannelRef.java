package io.switchboard.contracts.common;

/**
 * A chat channel as the provider knows it, with the name shown to people ("#front-desk") so a
 * consumer can display it without asking the provider.
 *
 * @param id     provider channel id (Slack {@code C0123…}, Teams channel id {@code 19:…@thread.tacv2})
 * @param name   display name at the time the event was produced
 * @param teamId the Teams team that holds the channel; {@code null} for Slack, required for Teams
 */
public record ChannelRef(String id, String name, String teamId) {

    public ChannelRef {
        Require.text(id, "ChannelRef.id");
        Require.text(name, "ChannelRef.name");
        Require.optionalText(teamId, "ChannelRef.teamId");
    }

    /** A Slack channel. */
    public static ChannelRef slack(String id, String name) {
        return new ChannelRef(id, name, null);
    }

    /** A Teams channel inside {@code teamId}. */
    public static ChannelRef teams(String teamId, String id, String name) {
        return new ChannelRef(id, name, Require.text(teamId, "ChannelRef.teamId"));
    }

    /** Refuses a channel that cannot be addressed through {@code provider}: a Teams channel needs its team. */
    public static void requireUsableWith(ChatProvider provider, ChannelRef channel, String field) {
        if (channel == null) {
            return;
        }
        Require.that(provider != null, field + " names a channel, so its provider is required");
        Require.that(provider != ChatProvider.TEAMS || channel.teamId() != null,
                field + " is a Teams channel and needs teamId");
    }
}

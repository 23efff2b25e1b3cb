package io.switchboard.sandbox.slack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A workspace to create, as a test or the dev stack describes it ({@code POST /sandbox/api/slack/workspaces}):
 * the team, the app's bot token, channels (with whether the bot is in them) and users. Bot user id, bot id,
 * bot name and domain are derived when left out.
 */
public record SlackWorkspaceSeed(
        String teamId,
        String teamName,
        String domain,
        String botToken,
        String botUserId,
        String botId,
        String botName,
        List<Channel> channels,
        List<User> users) {

    public SlackWorkspaceSeed {
        channels = channels == null ? List.of() : List.copyOf(channels);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A channel; {@code members} are user ids, and the bot user joins them when {@code botIsMember}. */
    public record Channel(String id, String name, boolean isPrivate, boolean isArchived, boolean botIsMember,
            List<String> members) {

        public Channel {
            members = members == null ? List.of() : List.copyOf(members);
        }

        public static Channel withBot(String id, String name) {
            return new Channel(id, name, false, false, true, List.of());
        }

        public static Channel withoutBot(String id, String name) {
            return new Channel(id, name, false, false, false, List.of());
        }
    }

    public record User(String id, String email, String name) {
    }

    /** A field the seed got wrong, as the problem response lists it. */
    public record FieldError(String field, String message) {
    }

    List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "teamId", teamId);
        requireText(errors, "teamName", teamName);
        requireText(errors, "botToken", botToken);
        if (botToken != null && !botToken.isBlank() && !botToken.startsWith("xoxb-")) {
            errors.add(new FieldError("botToken", "must be a bot token, starting with xoxb-"));
        }
        Set<String> channelIds = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            requireText(errors, "channels[" + i + "].id", channel.id());
            requireText(errors, "channels[" + i + "].name", channel.name());
            if (channel.id() != null && !channelIds.add(channel.id())) {
                errors.add(new FieldError("channels[" + i + "].id", "is used by another channel"));
            }
        }
        Set<String> userIds = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            requireText(errors, "users[" + i + "].id", user.id());
            if (user.id() != null && !userIds.add(user.id())) {
                errors.add(new FieldError("users[" + i + "].id", "is used by another user"));
            }
        }
        return errors;
    }

    SlackWorkspace workspace() {
        String derivedDomain = domain != null && !domain.isBlank() ? domain
                : teamName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new SlackWorkspace(teamId, teamName, derivedDomain,
                orDefault(botUserId, "U" + teamId + "BOT"),
                orDefault(botId, "B" + teamId),
                orDefault(botName, "switchboard"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }
}

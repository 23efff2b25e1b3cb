package io.switchboard.integration.slack;

import java.time.Instant;

/** A conversation in the practice's workspace, as last refreshed from Slack; {@code member}: the bot is in it. */
public record SlackChannel(String id, String name, boolean isPrivate, boolean isArchived, boolean member,
                           Instant refreshedAt) {
}

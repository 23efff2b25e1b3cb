package io.switchboard.sandbox.slack;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A message the app posted, as a reader of the channel would see it; {@code ts} is its Slack id. */
public record SlackMessage(String channel, String ts, String user, String botId, String text, JsonNode blocks,
        String threadTs, Instant postedAt) {
}

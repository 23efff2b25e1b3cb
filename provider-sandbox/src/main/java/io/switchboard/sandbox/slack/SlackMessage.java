package io.switchboard.sandbox.slack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A message in a conversation, as a reader of the channel would see it now; {@code ts} is its Slack id and
 * stays the same through {@code chat.update}. {@code botId} is null for a person's message. {@code edits}
 * lists each {@code chat.update}, oldest first, with what the message showed before it.
 */
public record SlackMessage(String channel, String ts, String user, String botId, String text, JsonNode blocks,
        String threadTs, Instant postedAt, List<Edit> edits) {

    public SlackMessage {
        edits = edits == null ? List.of() : List.copyOf(edits);
    }

    public SlackMessage(String channel, String ts, String user, String botId, String text, JsonNode blocks,
            String threadTs, Instant postedAt) {
        this(channel, ts, user, botId, text, blocks, threadTs, postedAt, List.of());
    }

    /**
     * One {@code chat.update}: who made it and when ({@code ts} as Slack shows in the message's {@code edited}),
     * and the text and blocks it replaced.
     */
    public record Edit(String user, String ts, Instant editedAt, String previousText, JsonNode previousBlocks) {
    }

    /** This message after an edit by {@code user}: same ts, the new text and blocks, one more edit. */
    SlackMessage edited(String user, String editTs, Instant editedAt, String newText, JsonNode newBlocks) {
        List<Edit> more = new ArrayList<>(edits);
        more.add(new Edit(user, editTs, editedAt, text, blocks));
        return new SlackMessage(channel, ts, this.user, botId, newText, newBlocks, threadTs, postedAt, more);
    }

    /** The last edit, as Slack's {@code edited} field shows it; null when never edited. */
    Edit lastEdit() {
        return edits.isEmpty() ? null : edits.get(edits.size() - 1);
    }
}

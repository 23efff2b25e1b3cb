package io.switchboard.sandbox.microsoft;

import java.time.Instant;
import java.util.List;

/**
 * A channel message an app posted through Graph, as the sandbox received it: the body (HTML or text), the
 * resolved mentions, the attachments (an Adaptive Card's {@code content} is the JSON text the client sent),
 * who sent it, with which app, and when.
 */
public record TeamsMessage(String id, String tenantId, String teamId, String channelId, String senderUserId,
        String clientId, String subject, String contentType, String content, List<Mention> mentions,
        List<Attachment> attachments, Instant receivedAt) {

    public TeamsMessage {
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
    }

    /** An {@code <at id="N">} in the body and the tenant user it names. */
    public record Mention(int id, String mentionText, String userId) {
    }

    public record Attachment(String id, String contentType, String content, String contentUrl, String name) {
    }
}

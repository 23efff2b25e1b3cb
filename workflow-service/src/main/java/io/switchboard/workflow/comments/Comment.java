package io.switchboard.workflow.comments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.MentionKind;
import io.switchboard.contracts.workflow.ThreadParty;

/**
 * A comment with its mentions, each with the people it reached; {@code unreached} lists the mentions
 * that reached nobody (a role no one is assigned to), so the writer knows nobody was told.
 */
public record Comment(UUID id, CommentTarget targetKind, UUID targetId, UUID authorUserId, ThreadParty authorParty,
                      String body, Instant postedAt, List<Mention> mentions, List<Mention> unreached) {

    /** A mention as given and the users it resolved to when the comment was posted. */
    public record Mention(MentionKind kind, String role, UUID userId, List<UUID> reached) {
    }
}

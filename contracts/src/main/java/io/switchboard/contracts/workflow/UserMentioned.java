package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A comment on a job or task mentioned a person (FEATURES.md W7): one event per person, after a
 * role mention was resolved to the people assigned to it. The notifier turns it into a notification.
 *
 * @param commentId        the comment
 * @param practiceId       the tenant
 * @param targetKind       whether the comment is on a job or a task
 * @param targetId         the job or task; the event subject
 * @param clientId         the client the job or task is for
 * @param mentionedUserId  the staff user to notify
 * @param mentionKind      named by role or directly
 * @param role             the role the person was reached through, e.g. {@code accountant}; {@code null} for a direct mention
 * @param mentionedBy      who wrote the comment
 * @param mentionedByParty practice or client
 * @param excerpt          the start of the comment
 * @param mentionedAt      when
 * @param link             where the app opens the job or task
 */
public record UserMentioned(UUID commentId, UUID practiceId, CommentTarget targetKind, UUID targetId, UUID clientId,
                            UUID mentionedUserId, MentionKind mentionKind, String role, UUID mentionedBy,
                            ThreadParty mentionedByParty, String excerpt, Instant mentionedAt, String link)
        implements EventData {

    public UserMentioned {
        Require.present(commentId, "UserMentioned.commentId");
        Require.present(practiceId, "UserMentioned.practiceId");
        Require.present(targetKind, "UserMentioned.targetKind");
        Require.present(targetId, "UserMentioned.targetId");
        Require.present(clientId, "UserMentioned.clientId");
        Require.present(mentionedUserId, "UserMentioned.mentionedUserId");
        Require.present(mentionKind, "UserMentioned.mentionKind");
        Require.optionalText(role, "UserMentioned.role");
        Require.that((mentionKind == MentionKind.ROLE) == (role != null),
                "UserMentioned.role is given exactly for role mentions");
        Require.present(mentionedBy, "UserMentioned.mentionedBy");
        Require.present(mentionedByParty, "UserMentioned.mentionedByParty");
        Require.text(excerpt, "UserMentioned.excerpt");
        Require.present(mentionedAt, "UserMentioned.mentionedAt");
        Require.text(link, "UserMentioned.link");
    }

    @Override
    public String subject() {
        return targetId.toString();
    }
}

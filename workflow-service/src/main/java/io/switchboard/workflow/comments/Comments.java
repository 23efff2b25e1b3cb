package io.switchboard.workflow.comments;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.MentionKind;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.contracts.workflow.UserMentioned;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.workflow.contacts.RoleAssignments;

/**
 * Comments on jobs and tasks with mentions (FEATURES.md W7). Each mention resolves when the comment
 * is posted — a role to the people assigned to it, a user to that user — and every person reached
 * gets one {@code switchboard.workflow.task.mention.v1} event, however many of the comment's mentions
 * name them; the author is never notified of their own comment. A mention that reaches nobody does
 * not stop the comment: the response lists it as unreached.
 */
@Service
public class Comments {

    private static final int EXCERPT = 280;

    private final TenantJdbc jdbc;
    private final RoleAssignments roles;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Comments(TenantJdbc jdbc, RoleAssignments roles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.events = events;
    }

    /** The item a comment is on: what and which, the client it is for, and where the app opens it. */
    public record Target(CommentTarget kind, UUID id, UUID clientId, String link) {
    }

    /** Who writes a comment. */
    public record Author(UUID userId, ThreadParty party) {
    }

    @Transactional
    public Comment post(UUID practiceId, Target target, Author author, NewComment request) {
        List<MentionRequest> requested = request.mentions() == null ? List.of() : request.mentions();
        List<String> names = validate(requested, author);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql(practiceId, """
                insert into comment (id, practice_id, target_kind, target_id, client_id, author_user_id, author_party,
                                     body, posted_at)
                values (:id, :practiceId, :kind, :targetId, :clientId, :author, :party, :body, :now)
                """).param("id", id).param("kind", target.kind().name()).param("targetId", target.id())
                .param("clientId", target.clientId()).param("author", author.userId())
                .param("party", author.party().name()).param("body", request.body().strip())
                .param("now", Timestamp.from(now)).update();
        Set<UUID> notified = new LinkedHashSet<>();
        notified.add(author.userId());
        String excerpt = excerpt(request.body());
        for (int i = 0; i < requested.size(); i++) {
            MentionRequest mention = requested.get(i);
            String role = names.get(i);
            List<UUID> reached = mention.kind() == MentionKind.ROLE ? roles.people(practiceId, role)
                    : List.of(mention.userId());
            jdbc.sql(practiceId, """
                    insert into comment_mention (comment_id, practice_id, position, kind, role_name, user_id, reached)
                    values (:commentId, :practiceId, :position, :kind, :role, :userId, :reached)
                    """).param("commentId", id).param("position", i).param("kind", mention.kind().name())
                    .param("role", role).param("userId", mention.kind() == MentionKind.USER ? mention.userId() : null)
                    .param("reached", reached.toArray(UUID[]::new)).update();
            for (UUID person : reached) {
                if (notified.add(person)) {
                    events.publishEvent(new UserMentioned(id, practiceId, target.kind(), target.id(), target.clientId(),
                            person, mention.kind(), role, author.userId(), author.party(), excerpt, now, target.link()));
                }
            }
        }
        return of(practiceId, target).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The comments on the item, oldest first. */
    @Transactional(readOnly = true)
    public List<Comment> of(UUID practiceId, Target target) {
        Map<UUID, List<Comment.Mention>> mentions = new HashMap<>();
        jdbc.sql(practiceId, """
                select m.* from comment_mention m join comment c on c.id = m.comment_id
                where c.target_id = :targetId and c.target_kind = :kind and c.practice_id = :practiceId
                  and m.practice_id = :practiceId
                order by m.comment_id, m.position
                """).param("targetId", target.id()).param("kind", target.kind().name()).query((rs, n) -> {
                    mentions.computeIfAbsent(rs.getObject("comment_id", UUID.class), k -> new ArrayList<>())
                            .add(new Comment.Mention(MentionKind.valueOf(rs.getString("kind")), rs.getString("role_name"),
                                    rs.getObject("user_id", UUID.class), uuids(rs.getArray("reached"))));
                    return null;
                }).list();
        return jdbc.sql(practiceId, """
                select * from comment where target_id = :targetId and target_kind = :kind and practice_id = :practiceId
                order by seq
                """).param("targetId", target.id()).param("kind", target.kind().name()).query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<Comment.Mention> all = mentions.getOrDefault(id, List.of());
                    return new Comment(id, target.kind(), target.id(), rs.getObject("author_user_id", UUID.class),
                            ThreadParty.valueOf(rs.getString("author_party")), rs.getString("body"),
                            rs.getTimestamp("posted_at").toInstant(), all,
                            all.stream().filter(m -> m.reached().isEmpty()).toList());
                }).list();
    }

    /** Checks every mention and returns the normalised role name of each (null for user mentions). */
    private static List<String> validate(List<MentionRequest> mentions, Author author) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            MentionRequest mention = mentions.get(i);
            String field = "mentions[" + i + "]";
            if (mention.kind() == MentionKind.ROLE) {
                String name = RoleAssignments.normalise(mention.role());
                if (!RoleAssignments.NAME.matcher(name).matches() || mention.userId() != null) {
                    throw InvalidRequestException.field(field + ".role",
                            "a ROLE mention names a role (lower case letters, digits, dashes) and no userId");
                }
                names.add(name);
            } else {
                if (mention.userId() == null || mention.role() != null) {
                    throw InvalidRequestException.field(field + ".userId", "a USER mention names a userId and no role");
                }
                if (author.party() == ThreadParty.CLIENT) {
                    throw InvalidRequestException.field(field + ".kind",
                            "portal users mention the practice by role, e.g. @accountant or @deployment");
                }
                names.add(null);
            }
        }
        return names;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static String excerpt(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
}

package io.switchboard.integration.directory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.directory.Role;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.NotFoundException;

/**
 * The caller's practice and its staff directory (FEATURES.md P1). Every change to a staff user publishes
 * the user's whole {@link DirectoryUserSnapshot} to the compacted directory topic.
 */
@Service
public class Directory {

    private static final String USER_COLUMNS =
            "id, email, display_name, role, active, slack_user_id, microsoft_user_id";

    private final TenantJdbc jdbc;
    private final ApplicationEventPublisher events;

    Directory(TenantJdbc jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Creates a practice (a platform operation, not a practice user's). */
    @Transactional
    public Practice createPractice(UUID id, String name) {
        // Across practices by nature: the practice does not exist yet, so no caller can be scoped to it.
        try {
            jdbc.unscoped().sql("insert into practice (id, name) values (:id, :name)")
                    .param("id", id).param("name", name).update();
        } catch (DuplicateKeyException exists) {
            throw new ConflictException("A practice with id " + id + " exists already.");
        }
        return new Practice(id, name);
    }

    @Transactional(readOnly = true)
    public Practice practice() {
        return jdbc.sql("select id, name from practice where id = :practiceId")
                .query(Practice.class).optional()
                .orElseThrow(() -> new NotFoundException("practice", "of this account"));
    }

    @Transactional(readOnly = true)
    public List<StaffUser> users() {
        return jdbc.sql("select " + USER_COLUMNS + " from staff_user where practice_id = :practiceId"
                        + " order by display_name, id")
                .query(StaffUser.class).list();
    }

    /** Adds a staff user; {@code id} is the identity provider's subject when known, else a new id. */
    @Transactional
    public StaffUser add(UUID practiceId, UUID id, String email, String displayName, Role role) {
        UUID userId = id == null ? UUID.randomUUID() : id;
        practiceExists(practiceId);
        try {
            jdbc.sql(practiceId, """
                    insert into staff_user (id, practice_id, email, display_name, role)
                    values (:id, :practiceId, :email, :name, :role)
                    """).param("id", userId).param("email", normalise(email)).param("name", displayName.strip())
                    .param("role", role.name()).update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("A staff user with that email or id exists already.");
        }
        return published(practiceId, userId);
    }

    /** Changes a staff user's email, name or role; {@code null} leaves a field as it is. */
    @Transactional
    public StaffUser update(UUID practiceId, UUID userId, String email, String displayName, Role role) {
        user(practiceId, userId);
        try {
            jdbc.sql(practiceId, """
                    update staff_user set email = coalesce(:email, email), display_name = coalesce(:name, display_name),
                           role = coalesce(:role, role)
                    where practice_id = :practiceId and id = :id
                    """).param("id", userId).param("email", email == null ? null : normalise(email))
                    .param("name", displayName == null ? null : displayName.strip())
                    .param("role", role == null ? null : role.name()).update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("Another staff user has that email already.");
        }
        return published(practiceId, userId);
    }

    /** Deactivates a staff user: they stay in the directory, nothing is delivered to them. */
    @Transactional
    public StaffUser deactivate(UUID practiceId, UUID userId) {
        user(practiceId, userId);
        jdbc.sql(practiceId, "update staff_user set active = false where practice_id = :practiceId and id = :id")
                .param("id", userId).update();
        return published(practiceId, userId);
    }

    /** Records a user's Slack identity (or clears it) and republishes them when it changed. */
    @Transactional
    public void linkSlackUser(UUID practiceId, UUID userId, String slackUserId) {
        StaffUser user = user(practiceId, userId);
        if (Objects.equals(user.slackUserId(), slackUserId)) {
            return;
        }
        jdbc.sql(practiceId, "update staff_user set slack_user_id = :slack where practice_id = :practiceId and id = :id")
                .param("id", userId).param("slack", slackUserId).update();
        published(practiceId, userId);
    }

    /** Records a user's Microsoft identity (or clears it) and republishes them when it changed. */
    @Transactional
    public void linkMicrosoftUser(UUID practiceId, UUID userId, String microsoftUserId) {
        StaffUser user = user(practiceId, userId);
        if (Objects.equals(user.microsoftUserId(), microsoftUserId)) {
            return;
        }
        jdbc.sql(practiceId, """
                update staff_user set microsoft_user_id = :microsoft where practice_id = :practiceId and id = :id
                """).param("id", userId).param("microsoft", microsoftUserId).update();
        published(practiceId, userId);
    }

    /** The practice's active staff user with this Slack identity, if any (who pressed a Slack button). */
    @Transactional(readOnly = true)
    public Optional<StaffUser> activeUserBySlackId(UUID practiceId, String slackUserId) {
        return jdbc.sql(practiceId, "select " + USER_COLUMNS + " from staff_user"
                        + " where practice_id = :practiceId and slack_user_id = :slack and active order by id limit 1")
                .param("slack", slackUserId).query(StaffUser.class).optional();
    }

    /** Every active staff user of a practice, for resolving provider identities. */
    @Transactional(readOnly = true)
    public List<StaffUser> activeUsers(UUID practiceId) {
        return jdbc.sql(practiceId, "select " + USER_COLUMNS + " from staff_user"
                        + " where practice_id = :practiceId and active order by id")
                .query(StaffUser.class).list();
    }

    /**
     * Publishes every staff user's snapshot again (active or not), for consumers whose projection missed rows
     * that never went through the outbox (demo data, a restored database, a lost topic). Snapshots are whole
     * and keyed by user, so publishing one again is harmless.
     */
    @Transactional
    public int republish(UUID practiceId) {
        List<UUID> ids = jdbc.sql(practiceId, "select id from staff_user where practice_id = :practiceId order by id")
                .query(UUID.class).list();
        ids.forEach(id -> published(practiceId, id));
        return ids.size();
    }

    /** Every practice's id: a platform operation across practices (snapshot republishing), never a user's. */
    @Transactional(readOnly = true)
    public List<UUID> practiceIds() {
        return jdbc.unscoped().sql("select id from practice order by id").query(UUID.class).list();
    }

    /** One staff user of the practice; 404 when not in it. */
    @Transactional(readOnly = true)
    public StaffUser user(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, "select " + USER_COLUMNS + " from staff_user where practice_id = :practiceId and id = :id")
                .param("id", userId).query(StaffUser.class).optional()
                .orElseThrow(() -> new NotFoundException("staff user", userId));
    }

    private void practiceExists(UUID practiceId) {
        jdbc.sql(practiceId, "select id from practice where id = :practiceId").query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("practice", "of this account"));
    }

    private StaffUser published(UUID practiceId, UUID userId) {
        StaffUser user = user(practiceId, userId);
        events.publishEvent(new DirectoryUserSnapshot(practiceId, user.id(), user.email(), user.displayName(),
                Role.valueOf(user.role()), user.active(), user.slackUserId(), user.microsoftUserId()));
        return user;
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

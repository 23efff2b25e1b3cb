package io.switchboard.workflow.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.InvalidRequestException;

/**
 * The people behind each mentionable role of a practice ({@code @accountant}, {@code @deployment},
 * or any role the admin defines), so a role mention reaches concrete users (FEATURES.md W7).
 */
@Service
public class RoleAssignments {

    /** A role's name as it is mentioned: lower case, digits and dashes, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final TenantJdbc jdbc;
    private final Clock clock = Clock.systemUTC();

    RoleAssignments(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the people assigned to the role; an empty list leaves it with nobody. */
    @Transactional
    public List<UUID> assign(UUID practiceId, String role, List<UUID> userIds, UUID by) {
        String name = normalise(role);
        if (!NAME.matcher(name).matches()) {
            throw InvalidRequestException.field("role", "must be lower case letters, digits and dashes (up to 40)");
        }
        jdbc.sql(practiceId, "delete from role_assignment where practice_id = :practiceId and role_name = :role")
                .param("role", name).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID user : userIds.stream().distinct().toList()) {
            jdbc.sql(practiceId, """
                    insert into role_assignment (practice_id, role_name, user_id, assigned_by, assigned_at)
                    values (:practiceId, :role, :userId, :by, :now)
                    """).param("role", name).param("userId", user).param("by", by).param("now", now).update();
        }
        return people(practiceId, name);
    }

    /** The people assigned to the role, in a stable order; empty for a role nobody holds. */
    @Transactional(readOnly = true)
    public List<UUID> people(UUID practiceId, String role) {
        return jdbc.sql(practiceId, """
                select user_id from role_assignment where practice_id = :practiceId and role_name = :role order by user_id
                """).param("role", normalise(role)).query(UUID.class).list();
    }

    /** Every role of the practice with its people. */
    @Transactional(readOnly = true)
    public Map<String, List<UUID>> all(UUID practiceId) {
        Map<String, List<UUID>> roles = new TreeMap<>();
        jdbc.sql(practiceId, "select role_name, user_id from role_assignment where practice_id = :practiceId order by role_name, user_id")
                .query((rs, n) -> Map.entry(rs.getString("role_name"), rs.getObject("user_id", UUID.class))).list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return roles;
    }

    /** How a role is written: {@code @Accountant} and {@code accountant} are the same role. */
    public static String normalise(String role) {
        String name = role == null ? "" : role.strip();
        return (name.startsWith("@") ? name.substring(1) : name).toLowerCase(java.util.Locale.ROOT);
    }
}

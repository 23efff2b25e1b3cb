package io.switchboard.gmail.access;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.platform.security.TenantJdbc;

/**
 * The local projection of integration-service's Gmail connections: whether Gmail is enabled for a
 * practice and whether each user is connected. It answers the common "no" quickly (G6); the token
 * endpoint stays the final word.
 */
@Component
public class Connections {

    /** A user whose Gmail is connected, in a practice where Gmail is enabled. */
    public record ConnectedUser(UUID practiceId, UUID userId, String address) {
    }

    private final TenantJdbc jdbc;

    Connections(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one change; an older change than the one held (a redelivery out of order) is ignored. */
    void apply(ConnectionChanged change) {
        if (change.provider() != Provider.GMAIL) {
            return;
        }
        if (change.scope() == ConnectionScope.PRACTICE) {
            jdbc.sql(change.practiceId(), """
                    insert into practice_gmail (practice_id, status, changed_at) values (:practiceId, :status, :at)
                    on conflict (practice_id) do update set status = excluded.status, changed_at = excluded.changed_at
                    where practice_gmail.changed_at <= excluded.changed_at
                    """).param("status", change.status().name()).param("at", Timestamp.from(change.changedAt())).update();
        } else {
            jdbc.sql(change.practiceId(), """
                    insert into user_gmail (practice_id, user_id, status, address, changed_at)
                    values (:practiceId, :userId, :status, :address, :at)
                    on conflict (practice_id, user_id) do update set status = excluded.status,
                        address = coalesce(excluded.address, user_gmail.address), changed_at = excluded.changed_at
                    where user_gmail.changed_at <= excluded.changed_at
                    """).param("userId", change.userId()).param("status", change.status().name())
                    .param("address", change.externalName() != null ? change.externalName() : change.externalId())
                    .param("at", Timestamp.from(change.changedAt())).update();
        }
    }

    public Optional<ConnectionStatus> practice(UUID practiceId) {
        return jdbc.sql(practiceId, "select status from practice_gmail where practice_id = :practiceId")
                .query(String.class).optional().map(ConnectionStatus::valueOf);
    }

    public Optional<ConnectionStatus> user(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, "select status from user_gmail where practice_id = :practiceId and user_id = :userId")
                .param("userId", userId).query(String.class).optional().map(ConnectionStatus::valueOf);
    }

    /** Connected users of practices with Gmail enabled, across practices, for the sync poller. */
    public List<ConnectedUser> connectedUsers() {
        // Across practices on purpose: the poller serves every practice; each user's work is then scoped to its own.
        // Longest-waiting first (never polled before all): a run polls at most users-per-run mailboxes, and an order
        // by connection time would poll the same first ones every run and starve the rest.
        return jdbc.unscoped().sql("""
                select u.practice_id, u.user_id, u.address from user_gmail u
                join practice_gmail p on p.practice_id = u.practice_id
                left join sync_state s on s.practice_id = u.practice_id and s.user_id = u.user_id
                where u.status = 'CONNECTED' and p.status = 'CONNECTED'
                order by s.next_poll_at nulls first, u.changed_at
                """).query((rs, i) -> new ConnectedUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3))).list();
    }
}

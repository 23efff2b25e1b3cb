package io.switchboard.workflow.threads;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.workflow.clients.Clients;

/**
 * Which client each portal user acts for. A CLIENT token names the practice and the user but not the
 * client, so staff register portal users here; the portal API resolves the caller's client from it.
 */
@Service
public class PortalUsers {

    private final TenantJdbc jdbc;
    private final Clients clients;

    PortalUsers(TenantJdbc jdbc, Clients clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    /** Registers a portal user for an active client of the practice. */
    @Transactional
    public PortalUser register(UUID practiceId, UUID clientId, NewPortalUser request) {
        clients.requireActive(practiceId, clientId);
        int inserted = jdbc.sql(practiceId, """
                insert into portal_user (practice_id, user_id, client_id, email, display_name)
                values (:practiceId, :userId, :clientId, :email, :displayName)
                on conflict (practice_id, user_id) do update
                    set email = excluded.email, display_name = excluded.display_name
                    where portal_user.client_id = excluded.client_id
                """)
                .param("userId", request.userId()).param("clientId", clientId).param("email", request.email().strip())
                .param("displayName", blankToNull(request.displayName())).update();
        if (inserted == 0) {
            throw new ConflictException("That portal user already belongs to another client.");
        }
        return new PortalUser(request.userId(), clientId, request.email().strip(), blankToNull(request.displayName()));
    }

    @Transactional(readOnly = true)
    public List<PortalUser> ofClient(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select * from portal_user where practice_id = :practiceId and client_id = :clientId order by email, user_id
                """).param("clientId", clientId)
                .query((rs, n) -> new PortalUser(rs.getObject("user_id", UUID.class), clientId, rs.getString("email"),
                        rs.getString("display_name"))).list();
    }

    /** The client the calling portal user acts for; refused when they are not registered for one. */
    @Transactional(readOnly = true)
    public UUID clientOfCaller() {
        Tenant tenant = Tenant.current();
        if (tenant.role() != Role.CLIENT) {
            throw new AccessDeniedException("only portal users have a client");
        }
        return jdbc.sql(tenant.practiceId(), """
                select client_id from portal_user where practice_id = :practiceId and user_id = :userId
                """).param("userId", tenant.userId()).query(UUID.class).optional()
                .orElseThrow(() -> new AccessDeniedException("portal user is not registered for a client"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

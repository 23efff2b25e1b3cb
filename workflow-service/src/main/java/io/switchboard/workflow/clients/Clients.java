package io.switchboard.workflow.clients;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.security.TenantJdbc;

/**
 * The practice's clients as the register publishes them ({@code register.client.v1}): the register owns
 * clients, workflow only refuses work for a client id that is not an active client of the caller's practice.
 */
@Component
public class Clients {

    private final TenantJdbc jdbc;

    Clients(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a 404 unless {@code clientId} is an active client of {@code practiceId}. */
    @Transactional(readOnly = true)
    public void requireActive(UUID practiceId, UUID clientId) {
        boolean known = jdbc.sql(practiceId, """
                select exists (select 1 from known_client
                               where practice_id = :practiceId and client_id = :clientId and active)
                """).param("clientId", clientId).query(Boolean.class).single();
        if (!known) {
            throw new UnknownClientException(clientId);
        }
    }

    /** Keeps the snapshot unless a newer version of the client is already held (the topic is replayed from the start). */
    @Transactional
    public void apply(ClientSnapshot snapshot) {
        jdbc.sql(snapshot.practiceId(), """
                insert into known_client (practice_id, client_id, display_name, active, version, updated_at)
                values (:practiceId, :clientId, :name, :active, :version, :updatedAt)
                on conflict (practice_id, client_id) do update set display_name = excluded.display_name,
                    active = excluded.active, version = excluded.version, updated_at = excluded.updated_at
                where known_client.version <= excluded.version
                """).param("clientId", snapshot.clientId()).param("name", snapshot.displayName())
                .param("active", snapshot.active()).param("version", snapshot.version())
                .param("updatedAt", Timestamp.from(snapshot.updatedAt())).update();
    }

    /** A client removed from the register (a tombstone for its key). */
    @Transactional
    public void remove(UUID practiceId, UUID clientId) {
        jdbc.sql(practiceId, "delete from known_client where practice_id = :practiceId and client_id = :clientId")
                .param("clientId", clientId).update();
    }
}

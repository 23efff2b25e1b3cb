package io.switchboard.gmail.clients;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.security.TenantJdbc;

/**
 * The local projection of the register's clients and contacts (from {@code register.client.v1}):
 * enough to suggest a client from a sender's address and to fill the compose helper.
 */
@Component
public class ClientDirectory {

    /** A client as the panel shows it. */
    public record ClientView(UUID clientId, String displayName, String email) {
    }

    /** A contact of a client. */
    public record ContactView(UUID contactId, String name, String email, String role) {
    }

    /** A client whose own address or one of whose contacts' addresses matched; {@code contact} null for the client's own. */
    public record Match(UUID clientId, String displayName, String matchedEmail, ContactView contact) {
    }

    private final TenantJdbc jdbc;

    ClientDirectory(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the client's view with the snapshot unless a newer version is already held. */
    @Transactional
    public void apply(ClientSnapshot snapshot) {
        int changed = jdbc.sql(snapshot.practiceId(), """
                insert into client_view (practice_id, client_id, display_name, email, active, version, updated_at)
                values (:practiceId, :clientId, :name, :email, :active, :version, :updatedAt)
                on conflict (practice_id, client_id) do update set display_name = excluded.display_name,
                    email = excluded.email, active = excluded.active, version = excluded.version,
                    updated_at = excluded.updated_at
                where client_view.version <= excluded.version
                """).param("clientId", snapshot.clientId()).param("name", snapshot.displayName())
                .param("email", normalise(snapshot.email())).param("active", snapshot.active())
                .param("version", snapshot.version()).param("updatedAt", Timestamp.from(snapshot.updatedAt()))
                .update();
        if (changed == 0) {
            return;
        }
        jdbc.sql(snapshot.practiceId(), "delete from client_contact_view where practice_id = :practiceId and client_id = :clientId")
                .param("clientId", snapshot.clientId()).update();
        int position = 0;
        for (ClientContact contact : snapshot.contacts()) {
            jdbc.sql(snapshot.practiceId(), """
                    insert into client_contact_view (practice_id, client_id, contact_id, position, name, email, role)
                    values (:practiceId, :clientId, :contactId, :position, :name, :email, :role)
                    on conflict do nothing
                    """).param("clientId", snapshot.clientId()).param("contactId", contact.contactId())
                    .param("position", position++).param("name", contact.name())
                    .param("email", normalise(contact.email())).param("role", contact.role()).update();
        }
    }

    /** A client removed from the register (a tombstone for its key). */
    public void remove(UUID practiceId, UUID clientId) {
        jdbc.sql(practiceId, "delete from client_view where practice_id = :practiceId and client_id = :clientId")
                .param("clientId", clientId).update();
    }

    /** Active clients whose own address or a contact's address is {@code address} (case-insensitive). */
    public List<Match> matching(UUID practiceId, String address) {
        String wanted = normalise(address);
        if (wanted == null) {
            return List.of();
        }
        Map<UUID, Match> matches = new LinkedHashMap<>();
        jdbc.sql(practiceId, """
                select client_id, display_name, email from client_view
                where practice_id = :practiceId and active and lower(email) = :email order by display_name
                """).param("email", wanted).query((rs, i) -> new Match(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), null)).list().forEach(m -> matches.putIfAbsent(m.clientId(), m));
        jdbc.sql(practiceId, """
                select c.client_id, c.display_name, k.email, k.contact_id, k.name, k.role
                from client_contact_view k join client_view c on c.practice_id = k.practice_id and c.client_id = k.client_id
                where k.practice_id = :practiceId and c.active and lower(k.email) = :email
                order by c.display_name, k.position
                """).param("email", wanted).query((rs, i) -> new Match(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), new ContactView(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(3),
                rs.getString(6)))).list().forEach(m -> matches.putIfAbsent(m.clientId(), m));
        return new ArrayList<>(matches.values());
    }

    public Optional<ClientView> client(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select client_id, display_name, email from client_view
                where practice_id = :practiceId and client_id = :clientId and active
                """).param("clientId", clientId)
                .query((rs, i) -> new ClientView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<ContactView> contacts(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select contact_id, name, email, role from client_contact_view
                where practice_id = :practiceId and client_id = :clientId order by position
                """).param("clientId", clientId)
                .query((rs, i) -> new ContactView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    private static String normalise(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

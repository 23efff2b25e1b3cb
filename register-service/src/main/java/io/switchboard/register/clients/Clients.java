package io.switchboard.register.clients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;

/** The practice's clients and their contacts. */
@Service
public class Clients {

    static final int MAX_RESULTS = 200;

    private final TenantJdbc jdbc;
    private final FamilyGroups groups;
    private final ApplicationEventPublisher events;

    Clients(TenantJdbc jdbc, FamilyGroups groups, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.events = events;
    }

    /**
     * Clients of the caller's practice whose name or email, or one of whose contacts' name or email,
     * contains {@code query} (all when blank), by name; optionally only one family group's.
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> search(String query, UUID familyGroupId) {
        String pattern = query == null || query.isBlank() ? "%" : "%" + escapeLike(query.strip()) + "%";
        return jdbc.sql("""
                select c.id, c.kind, c.display_name, c.email, c.phone, c.family_group_id, g.name as family_group_name
                from client c left join family_group g on g.id = c.family_group_id
                where c.practice_id = :practiceId
                  and (cast(:groupId as uuid) is null or c.family_group_id = :groupId)
                  and (c.display_name ilike :pattern escape '\\' or c.email ilike :pattern escape '\\'
                       or exists (select 1 from contact k where k.client_id = c.id and k.practice_id = :practiceId
                                  and (k.name ilike :pattern escape '\\' or k.email ilike :pattern escape '\\')))
                order by c.display_name, c.id
                limit :limit
                """)
                .param("pattern", pattern)
                .param("groupId", familyGroupId)
                .param("limit", MAX_RESULTS)
                .query(ClientSummary.class)
                .list();
    }

    public List<ClientSummary> search(String query) {
        return search(query, null);
    }

    /** The client as a summary, empty when it is not the caller's practice's. */
    @Transactional(readOnly = true)
    public Optional<ClientSummary> find(UUID id) {
        return jdbc.sql("""
                select c.id, c.kind, c.display_name, c.email, c.phone, c.family_group_id, g.name as family_group_name
                from client c left join family_group g on g.id = c.family_group_id
                where c.id = :id and c.practice_id = :practiceId
                """).param("id", id).query(ClientSummary.class).optional();
    }

    @Transactional(readOnly = true)
    public ClientDetails get(UUID id) {
        ClientSummary client = find(id).orElseThrow(() -> new NotFoundException("client", id));
        return new ClientDetails(client.id(), ClientKind.valueOf(client.kind()), client.displayName(), client.email(),
                client.phone(), client.familyGroupId(), client.familyGroupName(), contacts(id));
    }

    @Transactional
    public ClientDetails create(ClientChanges changes) {
        requireGroup(changes.familyGroupId());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into client (id, practice_id, family_group_id, kind, display_name, email, phone)
                values (:id, :practiceId, :groupId, :kind, :name, :email, :phone)
                """).param("id", id).params(columns(changes)).update();
        return published(id);
    }

    @Transactional
    public ClientDetails update(UUID id, ClientChanges changes) {
        requireGroup(changes.familyGroupId());
        int updated = jdbc.sql("""
                update client set family_group_id = :groupId, kind = :kind, display_name = :name, email = :email,
                                  phone = :phone
                where id = :id and practice_id = :practiceId
                """).param("id", id).params(columns(changes)).update();
        if (updated == 0) {
            throw new NotFoundException("client", id);
        }
        return published(id);
    }

    @Transactional(readOnly = true)
    public List<Contact> contacts(UUID clientId) {
        return jdbc.sql("""
                select id, client_id, name, email, phone, position from contact
                where client_id = :clientId and practice_id = :practiceId order by name, id
                """).param("clientId", clientId).query(Contact.class).list();
    }

    @Transactional
    public Contact addContact(UUID clientId, ContactChanges changes) {
        find(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contact (id, practice_id, client_id, name, email, phone, position)
                values (:id, :practiceId, :clientId, :name, :email, :phone, :position)
                """).param("id", id).param("clientId", clientId).params(columns(changes)).update();
        published(clientId);
        return contact(clientId, id);
    }

    @Transactional
    public Contact updateContact(UUID clientId, UUID contactId, ContactChanges changes) {
        int updated = jdbc.sql("""
                update contact set name = :name, email = :email, phone = :phone, position = :position
                where id = :id and client_id = :clientId and practice_id = :practiceId
                """).param("id", contactId).param("clientId", clientId).params(columns(changes)).update();
        if (updated == 0) {
            throw new NotFoundException("contact", contactId);
        }
        published(clientId);
        return contact(clientId, contactId);
    }

    @Transactional
    public void removeContact(UUID clientId, UUID contactId) {
        int deleted = jdbc.sql("delete from contact where id = :id and client_id = :clientId and practice_id = :practiceId")
                .param("id", contactId).param("clientId", clientId).update();
        if (deleted == 0) {
            throw new NotFoundException("contact", contactId);
        }
        published(clientId);
    }

    /**
     * Publishes every client's snapshot of a practice again (a platform operation: demo data, a restored
     * database, a recreated topic). Snapshots are whole and keyed by client, so once more is harmless.
     */
    @Transactional
    public int republish(UUID practiceId) {
        List<UUID> ids = jdbc.sql(practiceId, "select id from client where practice_id = :practiceId order by id")
                .query(UUID.class).list();
        ids.forEach(id -> snapshot(practiceId, id));
        return ids.size();
    }

    /** Every practice with clients: for republishing, across practices by nature. */
    @Transactional(readOnly = true)
    public List<UUID> practiceIds() {
        return jdbc.unscoped().sql("select distinct practice_id from client order by practice_id").query(UUID.class).list();
    }

    /** A change to the client or its contacts: a new version, and the whole client on register.client.v1. */
    private ClientDetails published(UUID clientId) {
        snapshot(Tenant.current().practiceId(), clientId);
        return get(clientId);
    }

    private void snapshot(UUID practiceId, UUID clientId) {
        Object[] row = jdbc.sql(practiceId, """
                update client set version = version + 1, updated_at = now()
                where id = :id and practice_id = :practiceId
                returning version, updated_at, kind, display_name, email, family_group_id
                """).param("id", clientId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class)})
                .optional().orElseThrow(() -> new NotFoundException("client", clientId));
        List<ClientContact> contacts = jdbc.sql(practiceId, """
                select id, name, email, position from contact
                where client_id = :clientId and practice_id = :practiceId order by name, id
                """).param("clientId", clientId).query((rs, n) -> new ClientContact(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getString(4))).list();
        events.publishEvent(new ClientSnapshot(practiceId, clientId,
                io.switchboard.contracts.register.ClientKind.valueOf((String) row[2]), (String) row[3], (String) row[4],
                (UUID) row[5], contacts, true, (Long) row[0], (Instant) row[1]));
    }

    private Contact contact(UUID clientId, UUID id) {
        return jdbc.sql("""
                select id, client_id, name, email, phone, position from contact
                where id = :id and client_id = :clientId and practice_id = :practiceId
                """).param("id", id).param("clientId", clientId).query(Contact.class).optional()
                .orElseThrow(() -> new NotFoundException("contact", id));
    }

    private void requireGroup(UUID groupId) {
        if (groupId != null && !groups.exists(groupId)) {
            throw new NotFoundException("family group", groupId);
        }
    }

    private static java.util.Map<String, Object> columns(ClientChanges changes) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("groupId", changes.familyGroupId());
        columns.put("kind", changes.kind().name());
        columns.put("name", changes.displayName().strip());
        columns.put("email", blankToNull(changes.email()));
        columns.put("phone", blankToNull(changes.phone()));
        return columns;
    }

    private static java.util.Map<String, Object> columns(ContactChanges changes) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", changes.name().strip());
        columns.put("email", blankToNull(changes.email()));
        columns.put("phone", blankToNull(changes.phone()));
        columns.put("position", blankToNull(changes.position()));
        return columns;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package io.switchboard.register.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;

/** The practice's clients and their contacts. */
@Service
public class Clients {

    static final int MAX_RESULTS = 200;

    private final TenantJdbc jdbc;
    private final FamilyGroups groups;

    Clients(TenantJdbc jdbc, FamilyGroups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
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
        return get(id);
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
        return get(id);
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
        return contact(clientId, contactId);
    }

    @Transactional
    public void removeContact(UUID clientId, UUID contactId) {
        int deleted = jdbc.sql("delete from contact where id = :id and client_id = :clientId and practice_id = :practiceId")
                .param("id", contactId).param("clientId", clientId).update();
        if (deleted == 0) {
            throw new NotFoundException("contact", contactId);
        }
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

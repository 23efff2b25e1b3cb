package io.switchboard.register.clients;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.NotFoundException;

/** Family (client) groups: a name unique within the practice, and the clients filed under it. */
@Service
public class FamilyGroups {

    private final TenantJdbc jdbc;

    FamilyGroups(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from family_group where id = :id and practice_id = :practiceId")
                .param("id", id).query(Integer.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<FamilyGroup> list() {
        return jdbc.sql("select id, name from family_group where practice_id = :practiceId order by name, id")
                .query((rs, n) -> new FamilyGroup(rs.getObject("id", UUID.class), rs.getString("name"), List.of()))
                .list();
    }

    @Transactional(readOnly = true)
    public FamilyGroup get(UUID id) {
        String name = jdbc.sql("select name from family_group where id = :id and practice_id = :practiceId")
                .param("id", id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("family group", id));
        List<ClientSummary> clients = jdbc.sql("""
                select c.id, c.kind, c.display_name, c.email, c.phone, c.family_group_id, :name as family_group_name
                from client c where c.family_group_id = :id and c.practice_id = :practiceId
                order by c.display_name, c.id
                """).param("id", id).param("name", name).query(ClientSummary.class).list();
        return new FamilyGroup(id, name, clients);
    }

    @Transactional
    public FamilyGroup create(FamilyGroupChanges changes) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into family_group (id, practice_id, name) values (:id, :practiceId, :name)")
                    .param("id", id).param("name", changes.name().strip()).update();
        } catch (DuplicateKeyException taken) {
            throw duplicate(changes.name());
        }
        return get(id);
    }

    @Transactional
    public FamilyGroup rename(UUID id, FamilyGroupChanges changes) {
        int updated;
        try {
            updated = jdbc.sql("update family_group set name = :name where id = :id and practice_id = :practiceId")
                    .param("id", id).param("name", changes.name().strip()).update();
        } catch (DuplicateKeyException taken) {
            throw duplicate(changes.name());
        }
        if (updated == 0) {
            throw new NotFoundException("family group", id);
        }
        return get(id);
    }

    /** Deletes the group; its clients stay, ungrouped. */
    @Transactional
    public void delete(UUID id) {
        jdbc.sql("update client set family_group_id = null where family_group_id = :id and practice_id = :practiceId")
                .param("id", id).update();
        int deleted = jdbc.sql("delete from family_group where id = :id and practice_id = :practiceId")
                .param("id", id).update();
        if (deleted == 0) {
            throw new NotFoundException("family group", id);
        }
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A family group named \"" + name.strip() + "\" already exists.",
                java.util.Map.of("field", "name"));
    }
}

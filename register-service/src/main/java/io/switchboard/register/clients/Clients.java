package io.switchboard.register.clients;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;

/** Reads the practice's clients; writes arrive with the register's own feature work. */
@Service
public class Clients {

    static final int MAX_RESULTS = 200;

    private final TenantJdbc jdbc;

    Clients(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Clients of the caller's practice whose name or email contains {@code query} (all when blank), by name. */
    @Transactional(readOnly = true)
    public List<ClientSummary> search(String query) {
        String pattern = query == null || query.isBlank() ? "%" : "%" + escapeLike(query.strip()) + "%";
        return jdbc.sql("""
                select c.id, c.kind, c.display_name, c.email, c.phone, c.family_group_id, g.name as family_group_name
                from client c left join family_group g on g.id = c.family_group_id
                where c.practice_id = :practiceId
                  and (c.display_name ilike :pattern escape '\\' or c.email ilike :pattern escape '\\')
                order by c.display_name, c.id
                limit :limit
                """)
                .param("pattern", pattern)
                .param("limit", MAX_RESULTS)
                .query(ClientSummary.class)
                .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

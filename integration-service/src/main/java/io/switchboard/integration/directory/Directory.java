package io.switchboard.integration.directory;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;

/** The caller's practice and its staff directory. */
@Service
public class Directory {

    private final TenantJdbc jdbc;

    Directory(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Practice practice() {
        return jdbc.sql("select id, name from practice where id = :practiceId")
                .query(Practice.class).optional()
                .orElseThrow(() -> new NotFoundException("practice", "of this account"));
    }

    @Transactional(readOnly = true)
    public List<StaffUser> users() {
        return jdbc.sql("""
                select id, email, display_name, role, active, slack_user_id, microsoft_user_id
                from staff_user where practice_id = :practiceId order by display_name, id
                """)
                .query(StaffUser.class).list();
    }
}

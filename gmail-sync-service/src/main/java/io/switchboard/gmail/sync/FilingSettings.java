package io.switchboard.gmail.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.switchboard.platform.security.TenantJdbc;

/** A practice's filing settings: whether new mail from a known client contact is filed without asking (G5). */
@Component
public class FilingSettings {

    /** The settings as the API shows them. */
    public record Settings(boolean autoFile) {
    }

    private final TenantJdbc jdbc;

    FilingSettings(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Settings get(UUID practiceId) {
        return new Settings(jdbc.sql(practiceId, "select auto_file from practice_settings where practice_id = :practiceId")
                .query(Boolean.class).optional().orElse(false));
    }

    public Settings put(UUID practiceId, UUID userId, boolean autoFile) {
        jdbc.sql(practiceId, """
                insert into practice_settings (practice_id, auto_file, updated_by, updated_at)
                values (:practiceId, :autoFile, :by, :at)
                on conflict (practice_id) do update set auto_file = excluded.auto_file,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).param("autoFile", autoFile).param("by", userId).param("at", Timestamp.from(Instant.now())).update();
        return get(practiceId);
    }
}

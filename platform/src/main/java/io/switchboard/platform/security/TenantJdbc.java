package io.switchboard.platform.security;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Practice-scoped SQL by default: every statement must filter on {@code :practiceId}, which is bound
 * from the caller's token. A statement that forgets the filter fails the first time it runs, in any
 * test, instead of leaking another practice's rows.
 */
public class TenantJdbc {

    static final String PARAMETER = ":practiceId";

    private final JdbcClient jdbc;

    public TenantJdbc(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement scoped to the current request's practice. */
    public JdbcClient.StatementSpec sql(String sql) {
        return sql(Tenant.current().practiceId(), sql);
    }

    /** A statement scoped to {@code practiceId}, for work without a request (an event's practice). */
    public JdbcClient.StatementSpec sql(UUID practiceId, String sql) {
        if (!sql.contains(PARAMETER)) {
            throw new IllegalArgumentException("practice data must be filtered on " + PARAMETER + ": " + sql);
        }
        return jdbc.sql(sql).param("practiceId", practiceId);
    }

    /** SQL across practices, for the few statements that must be (the outbox, migrations); say why at the call. */
    public JdbcClient unscoped() {
        return jdbc;
    }
}

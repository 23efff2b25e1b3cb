package io.switchboard.workflow.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.workflow.clients.Clients;

/**
 * The practice's points of contact (FEATURES.md W6): the primary contact every task is assigned to by
 * default, and the extra contacts for bank-statement and accounts-payable tasks; a client may
 * override any of them.
 */
@Service
public class PointsOfContact {

    /** The client id of the practice-wide row. */
    static final UUID PRACTICE_WIDE = new UUID(0, 0);

    private final TenantJdbc jdbc;
    private final Clients clients;
    private final Clock clock = Clock.systemUTC();

    PointsOfContact(TenantJdbc jdbc, Clients clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @Transactional
    public ContactSettings setForPractice(UUID practiceId, ContactSettings settings, UUID by) {
        return save(practiceId, PRACTICE_WIDE, settings, by);
    }

    @Transactional
    public ContactSettings setForClient(UUID practiceId, UUID clientId, ContactSettings settings, UUID by) {
        clients.requireActive(practiceId, clientId);
        return save(practiceId, clientId, settings, by);
    }

    @Transactional(readOnly = true)
    public ContactSettings ofPractice(UUID practiceId) {
        return row(practiceId, PRACTICE_WIDE).orElse(new ContactSettings(null, null, null));
    }

    /** The client's own overrides (fields it does not override are {@code null}). */
    @Transactional(readOnly = true)
    public ContactSettings overridesOf(UUID practiceId, UUID clientId) {
        return row(practiceId, clientId).orElse(new ContactSettings(null, null, null));
    }

    /** Who a new task of the client is assigned to: the client's primary contact, else the practice's. */
    @Transactional(readOnly = true)
    public Optional<UUID> primaryFor(UUID practiceId, UUID clientId) {
        return Optional.ofNullable(firstNonNull(overridesOf(practiceId, clientId).primaryUserId(),
                ofPractice(practiceId).primaryUserId()));
    }

    /** The extra contact for a task of the category: none for general tasks. */
    @Transactional(readOnly = true)
    public Optional<UUID> extraFor(UUID practiceId, UUID clientId, TaskCategory category) {
        ContactSettings client = overridesOf(practiceId, clientId);
        ContactSettings practice = ofPractice(practiceId);
        return Optional.ofNullable(switch (category) {
            case GENERAL -> null;
            case BANK_STATEMENTS -> firstNonNull(client.bankStatementsUserId(), practice.bankStatementsUserId());
            case ACCOUNTS_PAYABLE -> firstNonNull(client.accountsPayableUserId(), practice.accountsPayableUserId());
        });
    }

    private ContactSettings save(UUID practiceId, UUID clientId, ContactSettings settings, UUID by) {
        jdbc.sql(practiceId, """
                insert into point_of_contact (practice_id, client_id, primary_user_id, bank_statements_user_id,
                                              accounts_payable_user_id, updated_by, updated_at)
                values (:practiceId, :clientId, :primary, :bank, :payable, :by, :now)
                on conflict (practice_id, client_id) do update
                    set primary_user_id = excluded.primary_user_id,
                        bank_statements_user_id = excluded.bank_statements_user_id,
                        accounts_payable_user_id = excluded.accounts_payable_user_id,
                        updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).param("clientId", clientId).param("primary", settings.primaryUserId())
                .param("bank", settings.bankStatementsUserId()).param("payable", settings.accountsPayableUserId())
                .param("by", by).param("now", Timestamp.from(clock.instant())).update();
        return settings;
    }

    private Optional<ContactSettings> row(UUID practiceId, UUID clientId) {
        return jdbc.sql(practiceId, """
                select * from point_of_contact where practice_id = :practiceId and client_id = :clientId
                """).param("clientId", clientId)
                .query((rs, n) -> new ContactSettings(rs.getObject("primary_user_id", UUID.class),
                        rs.getObject("bank_statements_user_id", UUID.class),
                        rs.getObject("accounts_payable_user_id", UUID.class))).optional();
    }

    private static UUID firstNonNull(UUID first, UUID second) {
        return first != null ? first : second;
    }
}

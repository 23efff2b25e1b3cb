package io.switchboard.integration.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.vault.HoldsSealedSecrets;
import io.switchboard.integration.vault.Sealed;
import io.switchboard.integration.vault.SealedTable;
import io.switchboard.integration.vault.Vault;
import io.switchboard.platform.security.TenantJdbc;

/**
 * Staff users' own delegated provider connections (Teams, Gmail): their tokens sealed by the {@link Vault},
 * refreshed before they expire, marked broken when the provider refuses a refresh, and every change of
 * state published as a user-scoped {@link ConnectionChanged}. What differs per provider — how a refresh
 * token is spent — comes in as a {@link Refresher}.
 *
 * <p>A refresh runs under the connection's row lock and re-checks expiry after taking it: providers rotate
 * refresh tokens, and two refreshes spending the same one would have the second refused and break a
 * healthy connection.
 */
@Service
public class DelegatedConnections implements HoldsSealedSecrets {

    private static final Logger log = LoggerFactory.getLogger(DelegatedConnections.class);
    private static final Map<Provider, String> PURPOSE = Map.of(Provider.MICROSOFT_TEAMS, "teams", Provider.GMAIL, "gmail");

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Vault vault;
    private final Clock clock = Clock.systemUTC();

    DelegatedConnections(TenantJdbc jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Vault vault) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.vault = vault;
    }

    /** Spends a refresh token at the provider; throws {@link GrantRefused} when the provider says no. */
    @FunctionalInterface
    public interface Refresher {
        OAuthTokens refresh(String refreshToken);
    }

    /** A user's connection as people see it: never a token. */
    public record Connection(ConnectionStatus status, String externalUserId, String externalName, String scopes,
                             Instant connectedAt, String statusReason) {

        public static Connection none() {
            return new Connection(ConnectionStatus.DISCONNECTED, null, null, null, null, null);
        }
    }

    /** A usable access token, for a service acting as the user. */
    public record Token(String externalUserId, String externalName, String accessToken, Instant expiresAt,
                        String scopes) {
        @Override
        public String toString() {
            return "Token[externalUserId=" + externalUserId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A connection just removed, with what is needed to revoke it at the provider. */
    public record Removed(UUID userId, String revocableToken) {
        @Override
        public String toString() {
            return "Removed[userId=" + userId + "]";
        }
    }

    /** A connection due for refresh: for the sweep. */
    public record Due(UUID practiceId, UUID userId) {
    }

    /** Stores (or replaces) the user's connection and publishes it as CONNECTED. */
    public void store(UUID practiceId, UUID userId, Provider provider, String externalUserId, String externalName,
                      OAuthTokens tokens) {
        Sealed access = vault.seal(practiceId, purpose(provider, "access"), tokens.accessToken());
        Sealed refresh = tokens.refreshToken() == null ? null
                : vault.seal(practiceId, purpose(provider, "refresh"), tokens.refreshToken());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, """
                    insert into user_connection (practice_id, user_id, provider, external_user_id, external_name, scopes,
                        access_key_id, access_sealed, refresh_key_id, refresh_sealed, access_expires_at, status,
                        connected_at)
                    values (:practiceId, :user, :provider, :externalId, :externalName, :scopes, :accessKey, :access,
                        :refreshKey, :refresh, :expires, 'CONNECTED', :now)
                    on conflict (practice_id, user_id, provider) do update set
                        external_user_id = excluded.external_user_id, external_name = excluded.external_name,
                        scopes = excluded.scopes, access_key_id = excluded.access_key_id,
                        access_sealed = excluded.access_sealed,
                        refresh_key_id = coalesce(excluded.refresh_key_id, user_connection.refresh_key_id),
                        refresh_sealed = coalesce(excluded.refresh_sealed, user_connection.refresh_sealed),
                        access_expires_at = excluded.access_expires_at, status = 'CONNECTED', status_reason = null,
                        connected_at = excluded.connected_at, refreshed_at = null
                    """).param("user", userId).param("provider", provider.name()).param("externalId", externalUserId)
                    .param("externalName", externalName).param("scopes", tokens.scope())
                    .param("accessKey", access.keyId()).param("access", access.ciphertext())
                    .param("refreshKey", refresh == null ? null : refresh.keyId())
                    .param("refresh", refresh == null ? null : refresh.ciphertext())
                    .param("expires", Timestamp.from(tokens.expiresAt())).param("now", Timestamp.from(now)).update();
            events.publishEvent(changed(practiceId, userId, provider, ConnectionStatus.CONNECTED, externalUserId,
                    externalName, null, userId));
        });
    }

    /** The access and refresh token columns, for re-sealing under a new vault key. */
    @Override
    public SealedTable sealedTable() {
        return new SealedTable("user_connection", List.of("practice_id", "user_id", "provider"), List.of(
                SealedTable.KeyedColumns.of("access_key_id", "access_sealed",
                        row -> purpose(Provider.valueOf((String) row.get("provider")), "access")),
                SealedTable.KeyedColumns.of("refresh_key_id", "refresh_sealed",
                        row -> purpose(Provider.valueOf((String) row.get("provider")), "refresh"))));
    }

    public Optional<Connection> connection(UUID practiceId, UUID userId, Provider provider) {
        return jdbc.sql(practiceId, """
                select status, external_user_id, external_name, scopes, connected_at, status_reason
                from user_connection where practice_id = :practiceId and user_id = :user and provider = :provider
                """).param("user", userId).param("provider", provider.name())
                .query((rs, row) -> new Connection(ConnectionStatus.valueOf(rs.getString("status")),
                        rs.getString("external_user_id"), rs.getString("external_name"), rs.getString("scopes"),
                        rs.getTimestamp("connected_at").toInstant(), rs.getString("status_reason")))
                .optional();
    }

    /**
     * The user's access token, refreshed first when it expires within {@code refreshAhead} or when
     * {@code force}d (the provider refused the last one). {@code USER_NOT_CONNECTED} without a connection,
     * {@code CONNECTION_NEEDS_REAUTH} when it is broken or the refresh is refused.
     */
    public Token token(UUID practiceId, UUID userId, Provider provider, boolean force, Duration refreshAhead,
                       Refresher refresher) {
        Stored stored = stored(practiceId, userId, provider, false)
                .orElseThrow(() -> ConnectionProblems.userNotConnected(label(provider)));
        if (stored.status() == ConnectionStatus.BROKEN) {
            throw ConnectionProblems.needsReauthorising("The user's " + label(provider) + " connection");
        }
        if (!force && stored.expiresAt().isAfter(clock.instant().plus(refreshAhead))) {
            return open(practiceId, provider, stored);
        }
        return refresh(practiceId, userId, provider, force ? null : clock.instant().plus(refreshAhead), refresher);
    }

    /** The provider refused a token we handed out even after a refresh (P8). */
    public void markBroken(UUID practiceId, UUID userId, Provider provider, String reason) {
        transactions.executeWithoutResult(tx -> {
            Optional<String> externalId = jdbc.sql(practiceId, """
                    update user_connection set status = 'BROKEN', status_reason = :reason
                    where practice_id = :practiceId and user_id = :user and provider = :provider and status = 'CONNECTED'
                    returning external_user_id
                    """).param("reason", reason).param("user", userId).param("provider", provider.name())
                    .query(String.class).optional();
            externalId.ifPresent(id -> {
                log.warn("The {} connection of user {} of practice {} is broken: {}", label(provider), userId, practiceId,
                        reason);
                events.publishEvent(changed(practiceId, userId, provider, ConnectionStatus.BROKEN, id, null,
                        reason + "; the user must connect " + label(provider) + " again", null));
            });
        });
    }

    /** Removes one user's connection and publishes it; empty when there was none. */
    public Optional<Removed> disconnect(UUID practiceId, UUID userId, Provider provider, String reason, UUID changedBy) {
        return transactions.execute(tx -> removed(practiceId, provider, reason, changedBy, jdbc.sql(practiceId, """
                delete from user_connection where practice_id = :practiceId and user_id = :user and provider = :provider
                returning user_id, external_user_id, access_key_id, access_sealed, refresh_key_id, refresh_sealed
                """).param("user", userId).param("provider", provider.name())).stream().findFirst());
    }

    /** Removes every user's connection to the provider in the practice (P6), each published. */
    public List<Removed> disconnectAll(UUID practiceId, Provider provider, String reason, UUID changedBy) {
        return transactions.execute(tx -> removed(practiceId, provider, reason, changedBy, jdbc.sql(practiceId, """
                delete from user_connection where practice_id = :practiceId and provider = :provider
                returning user_id, external_user_id, access_key_id, access_sealed, refresh_key_id, refresh_sealed
                """).param("provider", provider.name())));
    }

    /** Connections whose access token expires before {@code horizon}, across practices (a platform job). */
    public List<Due> expiring(Provider provider, Instant horizon, int limit) {
        return jdbc.unscoped().sql("""
                select practice_id, user_id from user_connection
                where provider = :provider and status = 'CONNECTED' and access_expires_at < :horizon
                  and refresh_sealed is not null
                order by access_expires_at limit :limit
                """).param("provider", provider.name()).param("horizon", Timestamp.from(horizon)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Refreshes when still needed after the row lock is taken; {@code neededBeyond} null forces it. */
    private Token refresh(UUID practiceId, UUID userId, Provider provider, Instant neededBeyond, Refresher refresher) {
        Stored refreshed = transactions.execute(tx -> {
            Stored locked = stored(practiceId, userId, provider, true)
                    .orElseThrow(() -> ConnectionProblems.userNotConnected(label(provider)));
            if (locked.status() == ConnectionStatus.BROKEN
                    || (neededBeyond != null && locked.expiresAt().isAfter(neededBeyond))) {
                return locked;
            }
            if (locked.refresh() == null) {
                return broken(practiceId, userId, provider, "no refresh token was granted");
            }
            OAuthTokens tokens;
            try {
                tokens = refresher.refresh(vault.open(practiceId, purpose(provider, "refresh"), locked.refresh()));
            } catch (GrantRefused refused) {
                return broken(practiceId, userId, provider, label(provider) + " refused the refresh (" + refused.error() + ")");
            }
            Sealed access = vault.seal(practiceId, purpose(provider, "access"), tokens.accessToken());
            Sealed refreshToken = tokens.refreshToken() == null ? locked.refresh()
                    : vault.seal(practiceId, purpose(provider, "refresh"), tokens.refreshToken());
            jdbc.sql(practiceId, """
                    update user_connection set access_key_id = :accessKey, access_sealed = :access,
                        refresh_key_id = :refreshKey, refresh_sealed = :refresh, access_expires_at = :expires,
                        refreshed_at = now()
                    where practice_id = :practiceId and user_id = :user and provider = :provider
                    """).param("accessKey", access.keyId()).param("access", access.ciphertext())
                    .param("refreshKey", refreshToken.keyId()).param("refresh", refreshToken.ciphertext())
                    .param("expires", Timestamp.from(tokens.expiresAt())).param("user", userId)
                    .param("provider", provider.name()).update();
            return new Stored(locked.externalUserId(), locked.externalName(), locked.scopes(),
                    ConnectionStatus.CONNECTED, access, refreshToken, tokens.expiresAt());
        });
        if (refreshed.status() == ConnectionStatus.BROKEN) {
            throw ConnectionProblems.needsReauthorising("The user's " + label(provider) + " connection");
        }
        return open(practiceId, provider, refreshed);
    }

    private Stored broken(UUID practiceId, UUID userId, Provider provider, String reason) {
        markBroken(practiceId, userId, provider, reason);
        return stored(practiceId, userId, provider, false)
                .orElseThrow(() -> ConnectionProblems.userNotConnected(label(provider)));
    }

    private List<Removed> removed(UUID practiceId, Provider provider, String reason, UUID changedBy,
                                  org.springframework.jdbc.core.simple.JdbcClient.StatementSpec delete) {
        List<Object[]> rows = delete.query((rs, row) -> new Object[] {rs.getObject("user_id", UUID.class),
                rs.getString("external_user_id"),
                new Sealed(rs.getString("access_key_id"), rs.getBytes("access_sealed")),
                rs.getString("refresh_key_id") == null ? null
                        : new Sealed(rs.getString("refresh_key_id"), rs.getBytes("refresh_sealed"))}).list();
        return rows.stream().map(row -> {
            UUID userId = (UUID) row[0];
            events.publishEvent(changed(practiceId, userId, provider, ConnectionStatus.DISCONNECTED, (String) row[1],
                    null, reason, changedBy));
            Sealed revocable = row[3] != null ? (Sealed) row[3] : (Sealed) row[2];
            String purpose = purpose(provider, row[3] != null ? "refresh" : "access");
            String token;
            try {
                token = vault.open(practiceId, purpose, revocable);
            } catch (RuntimeException unreadable) {
                token = null;
            }
            return new Removed(userId, token);
        }).toList();
    }

    private Token open(UUID practiceId, Provider provider, Stored stored) {
        return new Token(stored.externalUserId(), stored.externalName(),
                vault.open(practiceId, purpose(provider, "access"), stored.access()), stored.expiresAt(), stored.scopes());
    }

    private Optional<Stored> stored(UUID practiceId, UUID userId, Provider provider, boolean lock) {
        return jdbc.sql(practiceId, """
                select external_user_id, external_name, scopes, status, access_key_id, access_sealed, refresh_key_id,
                       refresh_sealed, access_expires_at
                from user_connection where practice_id = :practiceId and user_id = :user and provider = :provider
                """ + (lock ? " for update" : "")).param("user", userId).param("provider", provider.name())
                .query((rs, row) -> new Stored(rs.getString("external_user_id"), rs.getString("external_name"),
                        rs.getString("scopes"), ConnectionStatus.valueOf(rs.getString("status")),
                        new Sealed(rs.getString("access_key_id"), rs.getBytes("access_sealed")),
                        rs.getString("refresh_key_id") == null ? null
                                : new Sealed(rs.getString("refresh_key_id"), rs.getBytes("refresh_sealed")),
                        rs.getTimestamp("access_expires_at").toInstant()))
                .optional();
    }

    private ConnectionChanged changed(UUID practiceId, UUID userId, Provider provider, ConnectionStatus status,
                                      String externalId, String externalName, String reason, UUID changedBy) {
        return new ConnectionChanged(practiceId, provider, ConnectionScope.USER, userId, status, externalId,
                externalName, reason, changedBy, clock.instant());
    }

    private static String purpose(Provider provider, String kind) {
        return PURPOSE.get(provider) + "-" + kind + "-token";
    }

    private static String label(Provider provider) {
        return provider == Provider.MICROSOFT_TEAMS ? "Teams" : provider == Provider.GMAIL ? "Gmail" : provider.name();
    }

    private record Stored(String externalUserId, String externalName, String scopes, ConnectionStatus status,
                          Sealed access, Sealed refresh, Instant expiresAt) {
    }
}

package io.switchboard.integration.slack;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import com.slack.api.methods.response.auth.AuthRevokeResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;

import io.switchboard.integration.oauth.ProviderDisconnectedException;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.oauth.ConnectionProblems;
import io.switchboard.integration.oauth.OAuthStates;
import io.switchboard.integration.vault.HoldsSealedSecrets;
import io.switchboard.integration.vault.Sealed;
import io.switchboard.integration.vault.SealedTable;
import io.switchboard.integration.vault.Vault;
import io.switchboard.integration.vault.VaultException;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.NotFoundException;

/**
 * Connecting and disconnecting a practice's one Slack workspace (FEATURES.md P2, P6) through Slack's
 * OAuth v2 install flow with PKCE. The bot token is sealed by the {@link Vault} and leaves this service
 * only through the internal token endpoint.
 */
@Service
public class SlackConnections implements HoldsSealedSecrets {

    static final String TOKEN_PURPOSE = "slack-bot-token";
    private static final Logger log = LoggerFactory.getLogger(SlackConnections.class);

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SlackApi slack;
    private final SlackProperties properties;
    private final Vault vault;
    private final SlackUsers users;
    private final OAuthStates states;
    private final Clock clock;
    private final String publicUrl;

    SlackConnections(TenantJdbc jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                     SlackApi slack, SlackProperties properties, Vault vault, SlackUsers users, OAuthStates states,
                     @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.slack = slack;
        this.properties = properties;
        this.vault = vault;
        this.users = users;
        this.states = states;
        this.clock = Clock.systemUTC();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Starts an install: a single-use, unguessable {@code state} bound to the admin and practice, expiring
     * in 10 minutes, and a PKCE verifier kept with it. Refused while the practice has a workspace.
     */
    public URI authorize(UUID practiceId, UUID adminId) {
        jdbc.sql(practiceId, "select id from practice where id = :practiceId").query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("practice", "of this account"));
        if (connected(practiceId)) {
            throw alreadyConnected();
        }
        OAuthStates.Started started = states.start(practiceId, adminId, "SLACK");
        return UriComponentsBuilder.fromUriString(properties.oauthBase() + "/oauth/v2/authorize")
                .queryParam("client_id", properties.clientId())
                .queryParam("scope", properties.scopes())
                .queryParam("redirect_uri", properties.redirectUri())
                .queryParam("state", started.state())
                .queryParam("code_challenge", started.codeChallenge())
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUri();
    }

    /**
     * Completes an install from Slack's redirect, authorised by the state alone (the browser returns
     * without our bearer token). Answers where to send the browser: the integrations page, with
     * {@code slack=connected} or {@code slack=error&reason=…}.
     */
    public URI callback(String code, String state, String error) {
        if (state == null || state.isBlank()) {
            return result("error", "invalid_state");
        }
        Optional<OAuthStates.Pending> pending = states.consume(state, "SLACK");
        if (pending.isEmpty()) {
            log.info("Slack OAuth callback with an unknown or already used state");
            return result("error", "invalid_state");
        }
        OAuthStates.Pending install = pending.get();
        if (install.expired(clock.instant())) {
            return result("error", "expired_state");
        }
        if (error != null || code == null || code.isBlank()) {
            return result("error", error == null ? "missing_code" : "access_denied");
        }
        if (connected(install.practiceId())) {
            return result("error", "already_connected");
        }
        OAuthV2AccessResponse access;
        try {
            access = slack.call("oauth.v2.access", () -> exchange(code, install.codeVerifier()));
        } catch (ErrorResponseException unavailable) {
            // The browser is waiting for a page, not a problem document.
            return result("error", "slack_unavailable");
        }
        if (!access.isOk() || access.getAccessToken() == null || access.getTeam() == null) {
            log.info("Slack refused the OAuth code exchange for practice {}: {}", install.practiceId(), access.getError());
            return result("error", access.getError() == null ? "oauth_failed" : access.getError());
        }
        try {
            store(install, access);
        } catch (DuplicateKeyException raced) {
            // Another install of the same practice finished first: give back what this one obtained.
            revokeQuietly(install.practiceId(), access.getAccessToken());
            return result("error", "already_connected");
        }
        try {
            users.resolve(install.practiceId(), access.getAccessToken());
        } catch (RuntimeException e) {
            log.warn("Slack connected for practice {} but staff Slack ids could not be resolved yet: {}",
                    install.practiceId(), e.getClass().getSimpleName());
        }
        return result("connected", null);
    }

    /** Revokes the token at Slack (best effort), forgets it and the channel list, and says so. */
    public void disconnect(UUID practiceId, UUID adminId) {
        StoredConnection stored = stored(practiceId).orElseThrow(() -> new ProviderDisconnectedException("Slack"));
        try {
            revokeQuietly(practiceId, vault.open(practiceId, TOKEN_PURPOSE, stored.sealed()));
        } catch (VaultException unreadable) {
            log.warn("The Slack token of practice {} cannot be opened, so it cannot be revoked; removing it", practiceId);
        }
        transactions.executeWithoutResult(tx -> {
            int removed = jdbc.sql(practiceId, "delete from slack_connection where practice_id = :practiceId").update();
            if (removed == 0) {
                return;
            }
            jdbc.sql(practiceId, "delete from slack_channel where practice_id = :practiceId").update();
            events.publishEvent(new ConnectionChanged(practiceId, Provider.SLACK, ConnectionScope.PRACTICE, null,
                    ConnectionStatus.DISCONNECTED, stored.view().teamId(), stored.view().teamName(),
                    "Disconnected by a practice admin", adminId, clock.instant()));
        });
    }

    /** The bot token column, for re-sealing under a new vault key. */
    @Override
    public SealedTable sealedTable() {
        return new SealedTable("slack_connection", List.of("practice_id"),
                List.of(SealedTable.KeyedColumns.of("token_key_id", "token_sealed", row -> TOKEN_PURPOSE)));
    }

    /** The practice's Slack connection, without its token. */
    public Optional<SlackConnection> connection(UUID practiceId) {
        return stored(practiceId).map(StoredConnection::view);
    }

    /**
     * The practices whose Slack connection is the workspace {@code teamId} — normally one; nothing stops two
     * practices from installing the app into the same workspace.
     */
    public List<UUID> practicesOfWorkspace(String teamId) {
        // Unscoped by necessity: a Slack interactivity request names a workspace, not a practice; its verified
        // signature is the credential, and the answer is what scopes everything after it.
        return jdbc.unscoped().sql("select practice_id from slack_connection where team_id = :teamId order by practice_id")
                .param("teamId", teamId).query(UUID.class).list();
    }

    /**
     * The bot token for an authenticated internal caller; a practice without Slack is
     * {@link ProviderDisconnectedException}, a broken connection {@link ConnectionProblems#needsReauthorising}.
     */
    public SlackBotCredentials credentials(UUID practiceId) {
        StoredConnection stored = stored(practiceId).orElseThrow(() -> new ProviderDisconnectedException("Slack"));
        if (stored.view().status() == ConnectionStatus.BROKEN) {
            throw ConnectionProblems.needsReauthorising("The practice's Slack connection");
        }
        return new SlackBotCredentials(stored.view().teamId(), stored.view().botUserId(), open(practiceId, stored));
    }

    /**
     * Slack rejected the token of a delivery requested at {@code requestedAt} (P8): the connection is marked
     * broken and everyone is told, unless it was (re)connected after that delivery was requested. Answers
     * whether this changed anything.
     */
    public boolean markBroken(UUID practiceId, String reason, Instant requestedAt) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<SlackConnection> broken = jdbc.sql(practiceId, """
                            update slack_connection set status = 'BROKEN', status_reason = :reason, status_at = :now
                            where practice_id = :practiceId and status = 'CONNECTED' and connected_at <= :requestedAt
                            returning team_id, team_name
                            """).param("reason", reason).param("now", Timestamp.from(now))
                    .param("requestedAt", Timestamp.from(requestedAt))
                    .query((rs, row) -> new SlackConnection(Provider.SLACK, ConnectionStatus.BROKEN,
                            rs.getString("team_id"), rs.getString("team_name"), null, null, null, reason))
                    .optional();
            broken.ifPresent(connection -> {
                log.warn("Slack rejected the token of practice {} ({}); the connection is marked broken",
                        practiceId, reason);
                events.publishEvent(new ConnectionChanged(practiceId, Provider.SLACK, ConnectionScope.PRACTICE, null,
                        ConnectionStatus.BROKEN, connection.teamId(), blankToNull(connection.teamName()),
                        "Slack rejected the token (" + reason + "); an admin must reconnect", null, now));
            });
            return broken.isPresent();
        }));
    }

    private boolean connected(UUID practiceId) {
        return connection(practiceId).filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent();
    }

    private String open(UUID practiceId, StoredConnection stored) {
        try {
            return vault.open(practiceId, TOKEN_PURPOSE, stored.sealed());
        } catch (VaultException e) {
            // Altered, copied from another practice, or sealed with a key no longer configured.
            log.error("The stored Slack token of practice {} cannot be opened: {}", practiceId, e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The practice's stored Slack credential cannot be read; an admin must reconnect Slack.");
            problem.setProperty("reason", "CREDENTIAL_UNREADABLE");
            throw new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, problem, e);
        }
    }

    private OAuthV2AccessResponse exchange(String code, String verifier) throws java.io.IOException,
            com.slack.api.methods.SlackApiException {
        // The same request as MethodsClient.oauthV2Access (client credentials as HTTP Basic, same URL and
        // response type) plus the PKCE code_verifier, which the SDK's request builder has no field for.
        return slack.methods().postFormWithAuthorizationHeaderAndParseResponse(form -> form
                        .add("code", code)
                        .add("redirect_uri", properties.redirectUri())
                        .add("code_verifier", verifier),
                slack.methodUrl("oauth.v2.access"),
                okhttp3.Credentials.basic(properties.clientId(), properties.clientSecret()),
                OAuthV2AccessResponse.class);
    }

    private void store(OAuthStates.Pending install, OAuthV2AccessResponse access) {
        UUID practiceId = install.practiceId();
        Sealed sealed = vault.seal(practiceId, TOKEN_PURPOSE, access.getAccessToken());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            // Reconnecting a broken connection replaces it; a connected one stays (the insert refuses a second).
            jdbc.sql(practiceId, "delete from slack_connection where practice_id = :practiceId and status = 'BROKEN'")
                    .update();
            jdbc.sql(practiceId, """
                    insert into slack_connection (practice_id, team_id, team_name, bot_user_id, scopes,
                                                  token_key_id, token_sealed, connected_by, connected_at)
                    values (:practiceId, :teamId, :teamName, :botUserId, :scopes, :keyId, :sealed, :by, :at)
                    """)
                    .param("teamId", access.getTeam().getId())
                    .param("teamName", access.getTeam().getName())
                    .param("botUserId", access.getBotUserId())
                    .param("scopes", access.getScope())
                    .param("keyId", sealed.keyId())
                    .param("sealed", sealed.ciphertext())
                    .param("by", install.userId())
                    .param("at", Timestamp.from(now))
                    .update();
            events.publishEvent(new ConnectionChanged(practiceId, Provider.SLACK, ConnectionScope.PRACTICE, null,
                    ConnectionStatus.CONNECTED, access.getTeam().getId(), blankToNull(access.getTeam().getName()),
                    null, install.userId(), now));
        });
    }

    private void revokeQuietly(UUID practiceId, String token) {
        try {
            AuthRevokeResponse revoked = slack.methods(token).authRevoke(r -> r);
            if (!revoked.isOk()) {
                log.warn("Slack did not revoke the token of practice {}: {}", practiceId, revoked.getError());
            }
        } catch (Exception e) {
            log.warn("Could not revoke the Slack token of practice {} ({}); removing it locally anyway",
                    practiceId, e.getClass().getSimpleName());
        }
    }

    private Optional<StoredConnection> stored(UUID practiceId) {
        return jdbc.sql(practiceId, """
                        select team_id, team_name, bot_user_id, token_key_id, token_sealed, connected_by, connected_at,
                               status, status_reason
                        from slack_connection where practice_id = :practiceId
                        """)
                .query((rs, row) -> new StoredConnection(
                        new SlackConnection(Provider.SLACK, ConnectionStatus.valueOf(rs.getString("status")),
                                rs.getString("team_id"), rs.getString("team_name"), rs.getString("bot_user_id"),
                                rs.getObject("connected_by", UUID.class), rs.getTimestamp("connected_at").toInstant(),
                                rs.getString("status_reason")),
                        new Sealed(rs.getString("token_key_id"), rs.getBytes("token_sealed"))))
                .optional();
    }

    private URI result(String outcome, String reason) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(publicUrl + "/settings/integrations")
                .queryParam("slack", outcome);
        if (reason != null) {
            uri.queryParam("reason", reason);
        }
        return uri.encode().build().toUri();
    }

    private static ConflictException alreadyConnected() {
        return new ConflictException("The practice is connected to a Slack workspace already; disconnect it first.",
                java.util.Map.of("reason", "ALREADY_CONNECTED"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record StoredConnection(SlackConnection view, Sealed sealed) {
    }
}

package io.switchboard.integration.teams;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import com.microsoft.graph.models.User;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.StaffUser;
import io.switchboard.integration.oauth.ConnectionProblems;
import io.switchboard.integration.oauth.DelegatedConnections;
import io.switchboard.integration.oauth.GrantRefused;
import io.switchboard.integration.oauth.OAuthTokens;
import io.switchboard.integration.oauth.OAuthStates;
import io.switchboard.integration.oauth.ProviderDisconnectedException;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;

/**
 * Connecting Teams (FEATURES.md P3, P6, P8). First an admin grants Switchboard's app its permissions for the
 * whole Microsoft organisation (admin consent); every staff user is then told they can connect, and each
 * connects their own account (authorization code + PKCE), because Graph posts ordinary channel messages only
 * with a delegated token. Access and refresh tokens are sealed by the {@link Vault}; they are refreshed
 * before they expire, and a refresh the identity platform refuses marks the user's connection broken.
 */
@Service
public class TeamsConnections {

    static final String CONSENT_FLOW = "TEAMS_CONSENT";
    static final String USER_FLOW = "TEAMS";
    private static final Logger log = LoggerFactory.getLogger(TeamsConnections.class);

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final OAuthStates states;
    private final MicrosoftIdentity identity;
    private final GraphApi graph;
    private final MicrosoftProperties properties;
    private final DelegatedConnections delegated;
    private final Directory directory;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;

    TeamsConnections(TenantJdbc jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                     OAuthStates states, MicrosoftIdentity identity, GraphApi graph, MicrosoftProperties properties,
                     DelegatedConnections delegated, Directory directory, @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.states = states;
        this.identity = identity;
        this.graph = graph;
        this.properties = properties;
        this.delegated = delegated;
        this.directory = directory;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---- the organisation's admin consent -------------------------------------------------------------

    /** Where to send the admin's browser to consent for the organisation; refused while consented. */
    public URI consentUrl(UUID practiceId, UUID adminId) {
        directory.practice();
        if (practiceConnection(practiceId).filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent()) {
            throw new ConflictException("Teams is connected for the practice already; disconnect it first.",
                    Map.of("reason", "ALREADY_CONNECTED"));
        }
        return identity.adminConsentUrl(states.start(practiceId, adminId, CONSENT_FLOW).state());
    }

    /**
     * The admin's browser back from the consent page. Microsoft answers {@code admin_consent=True&tenant=…}
     * or an error; an account without the rights to consent for the organisation comes back with
     * {@code reason=admin_consent_required}, which the integrations page explains.
     */
    public URI consentCallback(String adminConsent, String tenant, String state, String error, String errorDescription) {
        Optional<OAuthStates.Pending> pending = states.consume(state, CONSENT_FLOW);
        if (pending.isEmpty()) {
            return result("error", "invalid_state");
        }
        OAuthStates.Pending consent = pending.get();
        if (consent.expired(clock.instant())) {
            return result("error", "expired_state");
        }
        if (error != null) {
            String reason = needsAnAdministrator(error, errorDescription) ? "admin_consent_required" : "access_denied";
            log.info("Teams admin consent for practice {} refused: {}", consent.practiceId(), reason);
            return result("error", reason);
        }
        if (!"true".equalsIgnoreCase(adminConsent) || tenant == null || tenant.isBlank()) {
            return result("error", "admin_consent_required");
        }
        Instant now = clock.instant();
        UUID practiceId = consent.practiceId();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, """
                    insert into teams_connection (practice_id, tenant_id, consented_by, consented_at, status)
                    values (:practiceId, :tenant, :by, :at, 'CONNECTED')
                    on conflict (practice_id) do update set tenant_id = excluded.tenant_id,
                        consented_by = excluded.consented_by, consented_at = excluded.consented_at,
                        status = 'CONNECTED', status_reason = null, status_at = null
                    """).param("tenant", tenant).param("by", consent.userId()).param("at", Timestamp.from(now)).update();
            // Consumers tell every staff user they can now connect their own account (N5).
            events.publishEvent(new ConnectionChanged(practiceId, Provider.MICROSOFT_TEAMS, ConnectionScope.PRACTICE,
                    null, ConnectionStatus.CONNECTED, tenant, null, null, consent.userId(), now));
        });
        return result("connected", null);
    }

    // ---- each user's own connection -------------------------------------------------------------------

    /** Where to send a staff user's browser to connect their own Microsoft account. */
    public URI authorize(UUID practiceId, UUID userId) {
        requireConsented(practiceId);
        StaffUser user = directory.user(practiceId, userId);
        OAuthStates.Started started = states.start(practiceId, userId, USER_FLOW);
        return identity.authorizeUrl(started.state(), started.codeChallenge(), user.email());
    }

    /** A user's browser back from signing in: redeem the code, learn who they are at Microsoft, keep the tokens. */
    public URI callback(String code, String state, String error, String errorDescription) {
        Optional<OAuthStates.Pending> pending = states.consume(state, USER_FLOW);
        if (pending.isEmpty()) {
            return result("error", "invalid_state");
        }
        OAuthStates.Pending sign = pending.get();
        if (sign.expired(clock.instant())) {
            return result("error", "expired_state");
        }
        if (error != null || code == null || code.isBlank()) {
            return result("error", error != null && needsAnAdministrator(error, errorDescription)
                    ? "admin_consent_required" : "access_denied");
        }
        UUID practiceId = sign.practiceId();
        if (practiceConnection(practiceId).isEmpty()) {
            return result("error", "not_connected");
        }
        OAuthTokens tokens;
        User me;
        try {
            tokens = identity.redeem(code, sign.codeVerifier());
            me = graph.call("me", () -> graph.as(tokens.accessToken()).me().get());
        } catch (GrantRefused refused) {
            log.info("Microsoft refused the sign-in code for a user of practice {}: {}", practiceId, refused.error());
            return result("error", "access_denied");
        } catch (ErrorResponseException | GraphApi.Unauthorized unavailable) {
            return result("error", "microsoft_unavailable");
        }
        if (me == null || me.getId() == null) {
            return result("error", "microsoft_unavailable");
        }
        StaffUser user = directory.user(practiceId, sign.userId());
        if (!sameAccount(user.email(), me)) {
            // Posting as somebody else's Microsoft account would put their name on our messages.
            log.info("User {} of practice {} signed in to Microsoft as another account; refused", user.id(), practiceId);
            return result("error", "account_mismatch");
        }
        delegated.store(practiceId, user.id(), Provider.MICROSOFT_TEAMS, me.getId(), me.getUserPrincipalName(), tokens);
        directory.linkMicrosoftUser(practiceId, user.id(), me.getId());
        return result("connected", null);
    }

    /** Removes the caller's own connection (P6: a user can disconnect only their own). */
    public void disconnectUser(UUID practiceId, UUID userId) {
        delegated.disconnect(practiceId, userId, Provider.MICROSOFT_TEAMS, "Disconnected by the user", userId)
                .orElseThrow(() -> ConnectionProblems.userNotConnected("Teams"));
    }

    /**
     * Disconnects Teams for the practice (P6): the consent record, every user's tokens and the channel list
     * are removed, and each change is published. Microsoft has no endpoint that revokes one app's delegated
     * tokens for a user short of signing them out everywhere, so the tokens are deleted, not revoked; the
     * organisation's consent itself is withdrawn in Entra ID by its administrator.
     */
    public void disconnectPractice(UUID practiceId, UUID adminId) {
        TeamsConnection practice = practiceConnection(practiceId)
                .orElseThrow(() -> new ProviderDisconnectedException("Teams"));
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            delegated.disconnectAll(practiceId, Provider.MICROSOFT_TEAMS, "Teams was disconnected for the practice",
                    adminId);
            jdbc.sql(practiceId, "delete from teams_channel where practice_id = :practiceId").update();
            jdbc.sql(practiceId, "delete from teams_connection where practice_id = :practiceId").update();
            events.publishEvent(new ConnectionChanged(practiceId, Provider.MICROSOFT_TEAMS, ConnectionScope.PRACTICE,
                    null, ConnectionStatus.DISCONNECTED, practice.tenantId(), null,
                    "Disconnected by a practice admin", adminId, now));
        });
    }

    /** The practice's Teams connection with the caller's own. */
    public TeamsConnection connection(UUID practiceId, UUID userId) {
        return practiceConnection(practiceId)
                .map(p -> new TeamsConnection(p.provider(), p.status(), p.tenantId(), p.consentedBy(), p.consentedAt(),
                        p.statusReason(), delegated.connection(practiceId, userId, Provider.MICROSOFT_TEAMS)
                        .map(c -> new TeamsConnection.UserConnection(c.status(), c.externalUserId(), c.externalName(),
                                c.connectedAt(), c.statusReason()))
                        .orElseGet(TeamsConnection.UserConnection::none)))
                .orElseGet(TeamsConnection::disconnected);
    }

    public boolean consented(UUID practiceId) {
        return practiceConnection(practiceId).filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent();
    }

    // ---- tokens ---------------------------------------------------------------------------------------

    /**
     * A user's access token for posting as them (the notifier's Teams worker), refreshed first when it
     * expires within {@code refreshAhead} or when {@code forceRefresh} (Graph refused the last one). Refused
     * as {@link ProviderDisconnectedException} without the practice's consent, {@code USER_NOT_CONNECTED}
     * without the user's connection, {@code CONNECTION_NEEDS_REAUTH} when it is broken.
     */
    public TeamsUserToken token(UUID practiceId, UUID userId, boolean forceRefresh) {
        TeamsConnection practice = practiceConnection(practiceId)
                .orElseThrow(() -> new ProviderDisconnectedException("Teams"));
        DelegatedConnections.Token token = delegated.token(practiceId, userId, Provider.MICROSOFT_TEAMS, forceRefresh,
                properties.refreshAhead(), identity::refresh);
        return new TeamsUserToken(practice.tenantId(), token.externalUserId(), token.accessToken(), token.expiresAt());
    }

    /**
     * Graph refused a token we handed out even after a refresh (P8): the user's connection is broken, the
     * user and the admins are told, and later deliveries say it needs re-authorising.
     */
    public void rejected(UUID practiceId, UUID userId, String reason) {
        delegated.markBroken(practiceId, userId, Provider.MICROSOFT_TEAMS,
                reason == null || reason.isBlank() ? "Microsoft Graph refused the token" : reason);
    }

    /** Keeps tokens fresh ahead of use, so a quiet user's refresh token does not lapse either. */
    @Scheduled(fixedDelayString = "${switchboard.microsoft.refresh-sweep:PT1M}", initialDelayString = "PT30S")
    public void refreshExpiring() {
        Instant horizon = clock.instant().plus(properties.refreshAhead().multipliedBy(2));
        for (DelegatedConnections.Due due : delegated.expiring(Provider.MICROSOFT_TEAMS, horizon, 100)) {
            try {
                if (consented(due.practiceId())) {
                    delegated.token(due.practiceId(), due.userId(), Provider.MICROSOFT_TEAMS, false,
                            properties.refreshAhead().multipliedBy(2), identity::refresh);
                }
            } catch (RuntimeException e) {
                log.warn("Refreshing the Teams token of user {} of practice {} failed: {}", due.userId(),
                        due.practiceId(), e.getClass().getSimpleName());
            }
        }
    }

    // ---- storage --------------------------------------------------------------------------------------

    private Optional<TeamsConnection> practiceConnection(UUID practiceId) {
        return jdbc.sql(practiceId, """
                select tenant_id, consented_by, consented_at, status, status_reason
                from teams_connection where practice_id = :practiceId
                """).query((rs, row) -> new TeamsConnection(Provider.MICROSOFT_TEAMS,
                        ConnectionStatus.valueOf(rs.getString("status")), rs.getString("tenant_id"),
                        rs.getObject("consented_by", UUID.class), rs.getTimestamp("consented_at").toInstant(),
                        rs.getString("status_reason"), null))
                .optional();
    }

    private void requireConsented(UUID practiceId) {
        if (!consented(practiceId)) {
            throw new ConflictException("An administrator must connect Teams for the practice before users can"
                    + " connect their own accounts.", Map.of("reason", "ADMIN_CONSENT_REQUIRED"));
        }
    }

    /**
     * Whether Microsoft refused because the account may not consent for the organisation (AADSTS90094 "the
     * grant requires admin permission", AADSTS65001 consent not granted, or {@code consent_required}).
     */
    static boolean needsAnAdministrator(String error, String description) {
        String text = (error + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
        return text.contains("consent_required") || text.contains("aadsts90094") || text.contains("aadsts65001")
                || text.contains("admin_consent_required") || text.contains("requires admin");
    }

    private static boolean sameAccount(String email, User me) {
        return email.equalsIgnoreCase(String.valueOf(me.getMail()))
                || email.equalsIgnoreCase(String.valueOf(me.getUserPrincipalName()));
    }

    private URI result(String outcome, String reason) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(publicUrl + "/settings/integrations")
                .queryParam("teams", outcome);
        if (reason != null) {
            uri.queryParam("reason", reason);
        }
        return uri.encode().build().toUri();
    }
}

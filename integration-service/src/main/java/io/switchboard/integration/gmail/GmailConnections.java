package io.switchboard.integration.gmail;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.StaffUser;
import io.switchboard.integration.oauth.ConnectionProblems;
import io.switchboard.integration.oauth.DelegatedConnections;
import io.switchboard.integration.oauth.GrantRefused;
import io.switchboard.integration.oauth.OAuthStates;
import io.switchboard.integration.oauth.OAuthTokens;
import io.switchboard.integration.oauth.ProviderDisconnectedException;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;

/**
 * Gmail (FEATURES.md P4, G6): an admin enables it for the practice and every staff user is told they can
 * connect; each user connects their own Google account (authorization code + PKCE, offline access), which
 * must be the account of their directory email. Disabling de-authorises every user: their grants are revoked
 * at Google, their tokens forgotten, and each change published so sync and the add-on stop.
 */
@Service
public class GmailConnections {

    static final String FLOW = "GMAIL";
    static final String FLOW_WITH_SYNC = "GMAIL_SYNC";
    private static final Logger log = LoggerFactory.getLogger(GmailConnections.class);

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final OAuthStates states;
    private final GoogleIdentity google;
    private final GoogleProperties properties;
    private final DelegatedConnections delegated;
    private final Directory directory;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;

    GmailConnections(TenantJdbc jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                     OAuthStates states, GoogleIdentity google, GoogleProperties properties,
                     DelegatedConnections delegated, Directory directory,
                     @Value("${switchboard.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.states = states;
        this.google = google;
        this.properties = properties;
        this.delegated = delegated;
        this.directory = directory;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---- the practice ---------------------------------------------------------------------------------

    /** Enables Gmail for the practice; consumers tell every staff user they can connect (N5). */
    public GmailConnection enable(UUID practiceId, UUID adminId) {
        directory.practice();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql(practiceId, """
                        insert into gmail_enablement (practice_id, enabled_by, enabled_at) values (:practiceId, :by, :at)
                        """).param("by", adminId).param("at", Timestamp.from(now)).update();
                events.publishEvent(new ConnectionChanged(practiceId, Provider.GMAIL, ConnectionScope.PRACTICE, null,
                        ConnectionStatus.CONNECTED, null, null, null, adminId, now));
            });
        } catch (DuplicateKeyException enabled) {
            throw new ConflictException("Gmail is enabled for the practice already.", Map.of("reason", "ALREADY_CONNECTED"));
        }
        return connection(practiceId, adminId);
    }

    /**
     * Disables Gmail (P6, G6): every user's grant is revoked at Google and forgotten, then the practice's
     * enablement; each user's DISCONNECTED and the practice's are published, which stops sync and the add-on.
     */
    public void disable(UUID practiceId, UUID adminId) {
        if (!enabled(practiceId)) {
            throw new ProviderDisconnectedException("Gmail");
        }
        Instant now = clock.instant();
        var removed = transactions.execute(tx -> {
            var users = delegated.disconnectAll(practiceId, Provider.GMAIL, "Gmail was disabled for the practice", adminId);
            jdbc.sql(practiceId, "delete from gmail_enablement where practice_id = :practiceId").update();
            events.publishEvent(new ConnectionChanged(practiceId, Provider.GMAIL, ConnectionScope.PRACTICE, null,
                    ConnectionStatus.DISCONNECTED, null, null, "Disabled by a practice admin", adminId, now));
            return users;
        });
        // After the commit: a revocation that fails leaves nothing of ours behind, and Google's grant expires unused.
        removed.stream().filter(r -> r.revocableToken() != null).forEach(r -> google.revokeQuietly(r.revocableToken()));
    }

    public boolean enabled(UUID practiceId) {
        return jdbc.sql(practiceId, "select count(*) > 0 from gmail_enablement where practice_id = :practiceId")
                .query(Boolean.class).single();
    }

    /** The practice's Gmail state with the caller's own connection. */
    public GmailConnection connection(UUID practiceId, UUID userId) {
        return jdbc.sql(practiceId, "select enabled_by, enabled_at from gmail_enablement where practice_id = :practiceId")
                .query((rs, row) -> new GmailConnection(Provider.GMAIL, ConnectionStatus.CONNECTED,
                        rs.getObject("enabled_by", UUID.class), rs.getTimestamp("enabled_at").toInstant(),
                        delegated.connection(practiceId, userId, Provider.GMAIL)
                                .map(c -> new GmailConnection.UserConnection(c.status(), c.externalUserId(),
                                        c.externalName(), syncGranted(c.scopes()), c.connectedAt(), c.statusReason()))
                                .orElseGet(GmailConnection.UserConnection::none)))
                .optional().orElseGet(GmailConnection::disabled);
    }

    // ---- each user ------------------------------------------------------------------------------------

    /** Where to send a staff user's browser to connect their Google account; {@code sync} adds read access (G5). */
    public URI authorize(UUID practiceId, UUID userId, boolean sync) {
        if (!enabled(practiceId)) {
            throw new ConflictException("Gmail is disabled for the practice; an admin must enable it first.",
                    Map.of("reason", "GMAIL_DISABLED"));
        }
        StaffUser user = directory.user(practiceId, userId);
        OAuthStates.Started started = states.start(practiceId, userId, sync ? FLOW_WITH_SYNC : FLOW);
        return google.authorizeUrl(started.state(), started.codeChallenge(), user.email(), sync);
    }

    /** The browser back from Google: redeem, check the account is the user's own, keep the tokens. */
    public URI callback(String code, String state, String error) {
        Optional<OAuthStates.Pending> pending = states.consume(state, FLOW)
                .or(() -> states.consume(state, FLOW_WITH_SYNC));
        if (pending.isEmpty()) {
            return result("error", "invalid_state");
        }
        OAuthStates.Pending sign = pending.get();
        if (sign.expired(clock.instant())) {
            return result("error", "expired_state");
        }
        if (error != null || code == null || code.isBlank()) {
            return result("error", "access_denied");
        }
        UUID practiceId = sign.practiceId();
        if (!enabled(practiceId)) {
            return result("error", "gmail_disabled");
        }
        OAuthTokens tokens;
        GoogleIdentity.Account account;
        try {
            tokens = google.redeem(code, sign.codeVerifier());
            account = google.account(tokens.accessToken());
        } catch (GrantRefused refused) {
            log.info("Google refused the sign-in code for a user of practice {}: {}", practiceId, refused.error());
            return result("error", "access_denied");
        } catch (ErrorResponseException unavailable) {
            return result("error", "google_unavailable");
        }
        StaffUser user = directory.user(practiceId, sign.userId());
        if (!user.email().equalsIgnoreCase(account.email())) {
            // Filing and sending as another mailbox would put someone else's mail in the register in this user's name.
            log.info("User {} of practice {} connected a Google account that is not their directory email; refused",
                    user.id(), practiceId);
            google.revokeQuietly(tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken());
            return result("error", "account_mismatch");
        }
        delegated.store(practiceId, user.id(), Provider.GMAIL, account.id(), account.email(), tokens);
        return result("connected", null);
    }

    /** Removes the caller's own connection, revoking it at Google (P6). */
    public void disconnectUser(UUID practiceId, UUID userId) {
        DelegatedConnections.Removed removed = delegated.disconnect(practiceId, userId, Provider.GMAIL,
                        "Disconnected by the user", userId)
                .orElseThrow(() -> ConnectionProblems.userNotConnected("Gmail"));
        if (removed.revocableToken() != null) {
            google.revokeQuietly(removed.revocableToken());
        }
    }

    // ---- tokens ---------------------------------------------------------------------------------------

    /**
     * A user's Google access token for a service acting as them (gmail-sync-service, the notifier sending
     * from the register), refreshed when near expiry or when asked. 404 {@code PROVIDER_DISCONNECTED} while
     * Gmail is disabled, {@code USER_NOT_CONNECTED}, 409 {@code CONNECTION_NEEDS_REAUTH}.
     */
    public GmailUserToken token(UUID practiceId, UUID userId, boolean forceRefresh) {
        if (!enabled(practiceId)) {
            throw new ProviderDisconnectedException("Gmail");
        }
        DelegatedConnections.Token token = delegated.token(practiceId, userId, Provider.GMAIL, forceRefresh,
                properties.refreshAhead(), google::refresh);
        return GmailUserToken.granted(token.externalName(), token.externalUserId(), token.accessToken(), token.expiresAt(),
                token.scopes());
    }

    /** Gmail refused a token we handed out even after a refresh (P8). */
    public void rejected(UUID practiceId, UUID userId, String reason) {
        delegated.markBroken(practiceId, userId, Provider.GMAIL,
                reason == null || reason.isBlank() ? "Gmail refused the token" : reason);
    }

    /** Keeps tokens fresh ahead of use. */
    @Scheduled(fixedDelayString = "${switchboard.google.refresh-sweep:PT1M}", initialDelayString = "PT30S")
    public void refreshExpiring() {
        Instant horizon = clock.instant().plus(properties.refreshAhead().multipliedBy(2));
        for (DelegatedConnections.Due due : delegated.expiring(Provider.GMAIL, horizon, 100)) {
            try {
                if (enabled(due.practiceId())) {
                    delegated.token(due.practiceId(), due.userId(), Provider.GMAIL, false,
                            properties.refreshAhead().multipliedBy(2), google::refresh);
                }
            } catch (RuntimeException e) {
                log.warn("Refreshing the Gmail token of user {} of practice {} failed: {}", due.userId(),
                        due.practiceId(), e.getClass().getSimpleName());
            }
        }
    }

    private boolean syncGranted(String scopes) {
        return scopes != null && properties.syncScopes() != null
                && java.util.Arrays.stream(properties.syncScopes().split(" ")).allMatch(scopes::contains);
    }

    private URI result(String outcome, String reason) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(publicUrl + "/profile")
                .queryParam("gmail", outcome);
        if (reason != null) {
            uri.queryParam("reason", reason);
        }
        return uri.encode().build().toUri();
    }
}

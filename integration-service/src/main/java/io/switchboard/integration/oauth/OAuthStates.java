package io.switchboard.integration.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.platform.security.TenantJdbc;

/**
 * Pending OAuth flows. A browser comes back from a provider without our bearer token, so the {@code state}
 * is its only credential: 256 random bits, bound to the practice, the user and the flow that issued it and to
 * the browser that started it ({@link BrowserBinding}), single use, expiring after 10 minutes, and stored only as
 * a SHA-256 (the value lives in the browser alone). A PKCE verifier, where the flow has one, is kept with it.
 */
@Component
public class OAuthStates {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final BrowserBinding browsers;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    OAuthStates(TenantJdbc jdbc, TransactionTemplate transactions, BrowserBinding browsers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.browsers = browsers;
    }

    /** A flow started: its state for the provider's URL and, for PKCE flows, the S256 challenge. */
    public record Started(String state, String codeChallenge) {
        @Override
        public String toString() {
            return "Started[…]";
        }
    }

    /** A flow coming back: who started it and the PKCE verifier it kept. */
    public record Pending(UUID practiceId, UUID userId, String codeVerifier, Instant expiresAt) {
        public boolean expired(Instant now) {
            return expiresAt.isBefore(now);
        }

        @Override
        public String toString() {
            return "Pending[practiceId=" + practiceId + ", userId=" + userId + "]";
        }
    }

    /** Starts a flow named {@code flow} (e.g. {@code SLACK}, {@code TEAMS_CONSENT}) for the user. */
    public Started start(UUID practiceId, UUID userId, String flow) {
        String state = randomToken();
        String verifier = randomToken();
        String browser = sha256Hex(browsers.bindCurrentBrowser());
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, "delete from oauth_state where practice_id = :practiceId and expires_at < now()").update();
            jdbc.sql(practiceId, """
                    insert into oauth_state (state_hash, practice_id, user_id, provider, code_verifier, expires_at,
                                             browser_hash)
                    values (:hash, :practiceId, :user, :flow, :verifier, :expires, :browser)
                    """).param("hash", sha256Hex(state)).param("user", userId).param("flow", flow)
                    .param("browser", browser)
                    .param("verifier", verifier)
                    .param("expires", Timestamp.from(clock.instant().plus(LIFETIME))).update();
        });
        return new Started(state, BASE64URL.encodeToString(sha256(verifier)));
    }

    /**
     * Takes the state out of the table, so it works once whatever happens next; empty when unknown, used, or
     * presented by another browser than the one that started the flow (the state is spent then too).
     */
    public Optional<Pending> consume(String state, String flow) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        String presented = browsers.presented().map(OAuthStates::sha256Hex).orElse("");
        // Unscoped by necessity: the state is the callback's only credential, so it says which practice this is.
        return transactions.execute(tx -> jdbc.unscoped().sql("""
                        delete from oauth_state where state_hash = :hash and provider = :flow
                        returning practice_id, user_id, code_verifier, expires_at, browser_hash
                        """).param("hash", sha256Hex(state)).param("flow", flow)
                .query((rs, row) -> MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.US_ASCII),
                        rs.getString("browser_hash").getBytes(StandardCharsets.US_ASCII))
                        ? new Pending(rs.getObject("practice_id", UUID.class), rs.getObject("user_id", UUID.class),
                                rs.getString("code_verifier"), rs.getTimestamp("expires_at").toInstant())
                        : null)
                .optional());
    }

    public Instant now() {
        return clock.instant();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }
}

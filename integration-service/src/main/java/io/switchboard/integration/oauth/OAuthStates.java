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
 * is its only credential: 256 random bits, bound to the practice, the user and the flow that issued it,
 * single use, expiring after 10 minutes, and stored only as a SHA-256 (the value lives in the browser
 * alone). A PKCE verifier, where the flow has one, is kept with it.
 */
@Component
public class OAuthStates {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TenantJdbc jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    OAuthStates(TenantJdbc jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(practiceId, "delete from oauth_state where practice_id = :practiceId and expires_at < now()").update();
            jdbc.sql(practiceId, """
                    insert into oauth_state (state_hash, practice_id, user_id, provider, code_verifier, expires_at)
                    values (:hash, :practiceId, :user, :flow, :verifier, :expires)
                    """).param("hash", sha256Hex(state)).param("user", userId).param("flow", flow)
                    .param("verifier", verifier)
                    .param("expires", Timestamp.from(clock.instant().plus(LIFETIME))).update();
        });
        return new Started(state, BASE64URL.encodeToString(sha256(verifier)));
    }

    /** Takes the state out of the table, so it works once whatever happens next; empty when unknown or used. */
    public Optional<Pending> consume(String state, String flow) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        // Unscoped by necessity: the state is the callback's only credential, so it says which practice this is.
        return transactions.execute(tx -> jdbc.unscoped().sql("""
                        delete from oauth_state where state_hash = :hash and provider = :flow
                        returning practice_id, user_id, code_verifier, expires_at
                        """).param("hash", sha256Hex(state)).param("flow", flow)
                .query((rs, row) -> new Pending(rs.getObject("practice_id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getString("code_verifier"),
                        rs.getTimestamp("expires_at").toInstant()))
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

package io.switchboard.platform.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.security.Tenant;

/**
 * Signed JWTs for tests, from a key pair made once per JVM whose public half the services under test
 * trust (see {@link SharedInfrastructureInitializer}). Real signatures: the services validate them
 * exactly as they validate the identity provider's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.switchboard.test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    private TestTokens() {
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
    }

    /** A practice user's token. */
    public static String user(UUID practiceId, UUID userId, Role role) {
        return sign(KEYS, ISSUER, claims(practiceId, userId, role, Duration.ofMinutes(30)));
    }

    public static String admin(UUID practiceId) {
        return user(practiceId, UUID.randomUUID(), Role.PRACTICE_ADMIN);
    }

    public static String staff(UUID practiceId) {
        return user(practiceId, UUID.randomUUID(), Role.STAFF);
    }

    /** A service's own token (client credentials): scopes, no practice. */
    public static String service(String... scopes) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("switchboard-internal")
                .issuer(ISSUER)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
                .claim("scope", String.join(" ", scopes))
                .build();
        return sign(KEYS, ISSUER, claims);
    }

    /** A token that expired a minute ago. */
    public static String expired(UUID practiceId, Role role) {
        return sign(KEYS, ISSUER, claims(practiceId, UUID.randomUUID(), role, Duration.ofMinutes(-1)));
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String forged(UUID practiceId, Role role) {
        return sign(STRANGER, ISSUER, claims(practiceId, UUID.randomUUID(), role, Duration.ofMinutes(30)));
    }

    /** A token from another issuer, signed with the trusted key. */
    public static String wrongIssuer(UUID practiceId, Role role) {
        JWTClaimsSet claims = claims(practiceId, UUID.randomUUID(), role, Duration.ofMinutes(30));
        return sign(KEYS, "https://elsewhere.example", new JWTClaimsSet.Builder(claims).issuer("https://elsewhere.example").build());
    }

    private static JWTClaimsSet claims(UUID practiceId, UUID userId, Role role, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(ISSUER)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(lifetime.isNegative() ? 5 : 0))))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(Tenant.PRACTICE_CLAIM, practiceId.toString())
                .claim(Tenant.ROLE_CLAIM, role.name())
                .claim(Tenant.EMAIL_CLAIM, userId + "@test.switchboard.io")
                .build();
    }

    private static String sign(KeyPair keys, String issuer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign test token", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }
}

package io.switchboard.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636), as every emulated authorization server checks it. */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";

    private Pkce() {
    }

    /** The method a challenge was sent with: RFC 7636 reads a challenge without one as {@code plain}. */
    public static String method(String codeChallenge, String codeChallengeMethod) {
        return codeChallenge == null ? null : codeChallengeMethod == null ? PLAIN : codeChallengeMethod;
    }

    public static boolean isSupported(String method) {
        return method == null || S256.equals(method) || PLAIN.equals(method);
    }

    /** Whether {@code verifier} answers the challenge, compared in constant time. */
    public static boolean matches(String codeChallenge, String method, String verifier) {
        if (codeChallenge == null || verifier == null) {
            return false;
        }
        String expected = S256.equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), codeChallenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code BASE64URL(SHA256(verifier))}, unpadded. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.sandbox.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Values no client can guess, for codes and tokens. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

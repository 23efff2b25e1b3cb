package io.switchboard.integration.vault;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as stored: the id of the key that sealed it and {@code nonce || ciphertext || tag}.
 *
 * @param keyId      which of {@code switchboard.vault.keys} opens it
 * @param ciphertext the 12-byte nonce followed by the AES-GCM output
 */
public record Sealed(String keyId, byte[] ciphertext) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}

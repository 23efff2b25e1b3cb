package io.switchboard.integration.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider tokens and other credentials at rest (FEATURES.md P7): AES-256-GCM with a random
 * 96-bit nonce per secret and the key id stored beside it for rotation. The practice and the purpose are
 * the additional authenticated data, so a row copied to another practice or column does not open.
 */
public class Vault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public Vault(VaultProperties properties) {
        Map<String, SecretKey> loaded = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> loaded.put(id, key(id, base64)));
        if (properties.activeKey() == null || !loaded.containsKey(properties.activeKey())) {
            throw new IllegalStateException("switchboard.vault.active-key must name one of switchboard.vault.keys "
                    + loaded.keySet());
        }
        this.keys = Map.copyOf(loaded);
        this.activeKeyId = properties.activeKey();
    }

    /** Seals {@code secret} with the active key, bound to {@code practiceId} and {@code purpose}. */
    public Sealed seal(UUID practiceId, String purpose, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(practiceId, purpose));
            byte[] encrypted = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return new Sealed(activeKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new VaultException("could not seal a " + purpose + " secret", e);
        }
    }

    /** Opens what {@link #seal} sealed for the same practice and purpose; anything else fails. */
    public String open(UUID practiceId, String purpose, Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new VaultException("no vault key with id " + sealed.keyId());
        }
        byte[] bytes = sealed.ciphertext();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new VaultException("a " + purpose + " secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(practiceId, purpose));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately vague: tampered bytes, another practice's row and a wrong purpose look alike.
            throw new VaultException("a " + purpose + " secret could not be opened (altered, or not this practice's)");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** The ids of every key this vault holds (never the keys). */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    private static byte[] aad(UUID practiceId, String purpose) {
        return ("switchboard-vault:v1|" + practiceId + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("switchboard.vault.keys." + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("switchboard.vault.keys." + id + " must be 256 bits (32 bytes), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "Vault[keys=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}

package io.switchboard.integration.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class VaultTest {

    private static final String OLD = key();
    private static final String NEW = key();
    private static final UUID PRACTICE = UUID.randomUUID();
    private static final String TOKEN = "xoxb-1234-secret-token";

    private final Vault vault = new Vault(new VaultProperties(Map.of("k1", OLD), "k1"));

    @Test
    void sealsAndOpensForTheSamePracticeAndPurpose() {
        Sealed sealed = vault.seal(PRACTICE, "slack-bot-token", TOKEN);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(vault.open(PRACTICE, "slack-bot-token", sealed)).isEqualTo(TOKEN);
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(vault.seal(PRACTICE, "p", TOKEN)).isNotEqualTo(vault.seal(PRACTICE, "p", TOKEN));
    }

    @Test
    void refusesARowCopiedToAnotherPracticeOrPurpose() {
        Sealed sealed = vault.seal(PRACTICE, "slack-bot-token", TOKEN);

        assertThatThrownBy(() -> vault.open(UUID.randomUUID(), "slack-bot-token", sealed))
                .isInstanceOf(VaultException.class).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> vault.open(PRACTICE, "gmail-refresh-token", sealed))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void detectsTampering() {
        Sealed sealed = vault.seal(PRACTICE, "p", TOKEN);
        byte[] bytes = sealed.ciphertext();
        bytes[bytes.length - 5] ^= 0x01;

        assertThatThrownBy(() -> vault.open(PRACTICE, "p", new Sealed("k1", bytes)))
                .isInstanceOf(VaultException.class);
        assertThatThrownBy(() -> vault.open(PRACTICE, "p", new Sealed("k1", new byte[5])))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void afterRotationOldSecretsStillOpenAndNewOnesUseTheActiveKey() {
        Sealed beforeRotation = vault.seal(PRACTICE, "p", TOKEN);
        Vault rotated = new Vault(new VaultProperties(Map.of("k1", OLD, "k2", NEW), "k2"));

        assertThat(rotated.open(PRACTICE, "p", beforeRotation)).isEqualTo(TOKEN);
        Sealed afterRotation = rotated.seal(PRACTICE, "p", TOKEN);
        assertThat(afterRotation.keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> vault.open(PRACTICE, "p", afterRotation))
                .isInstanceOf(VaultException.class).hasMessageContaining("k2");
    }

    @Test
    void refusesMisconfiguredKeysWithoutPrintingThem() {
        assertThatThrownBy(() -> new Vault(new VaultProperties(Map.of("k1", OLD), "k9")))
                .hasMessageContaining("active-key").hasMessageNotContaining(OLD);
        assertThatThrownBy(() -> new Vault(new VaultProperties(Map.of("k1", "c2hvcnQ="), "k1")))
                .hasMessageContaining("256 bits");
        assertThat(new VaultProperties(Map.of("k1", OLD), "k1").toString()).doesNotContain(OLD);
        assertThat(vault.seal(PRACTICE, "p", TOKEN).toString()).doesNotContain(TOKEN);
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

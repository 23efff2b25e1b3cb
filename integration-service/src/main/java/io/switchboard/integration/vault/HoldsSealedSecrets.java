package io.switchboard.integration.vault;

/**
 * A store that keeps secrets sealed by the {@link Vault} in its table and says where, so {@link Rekeying} can
 * re-seal them under a new key without knowing what they are.
 */
public interface HoldsSealedSecrets {

    SealedTable sealedTable();
}

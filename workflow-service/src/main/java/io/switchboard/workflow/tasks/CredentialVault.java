package io.switchboard.workflow.tasks;

import java.util.UUID;

/**
 * Where client-supplied credentials live (FEATURES.md P7): integration-service's vault. A task keeps
 * only the reference {@link #store} returns. Implementations never log or keep a secret.
 */
public interface CredentialVault {

    /** A credential to store, with what it is for; {@code toString} hides the secret. */
    record SecretToStore(UUID clientId, UUID taskId, String label, String username, String secret,
                         UUID submittedBy) {
        @Override
        public String toString() {
            return "SecretToStore[clientId=" + clientId + ", taskId=" + taskId + ", label=" + label + ", secret=***]";
        }
    }

    /** A stored credential as the vault hands it back; {@code toString} hides the secret. */
    record StoredSecret(String secretRef, String username, String secret) {
        @Override
        public String toString() {
            return "StoredSecret[secretRef=" + secretRef + ", secret=***]";
        }
    }

    /** Stores the secret for the practice and returns its reference. */
    String store(UUID practiceId, SecretToStore secret);

    /** Reads a stored secret on behalf of {@code readBy} (the vault may audit it too). */
    StoredSecret read(UUID practiceId, String secretRef, UUID readBy);

    /** The vault could not be reached or refused the call; nothing was stored or read. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}

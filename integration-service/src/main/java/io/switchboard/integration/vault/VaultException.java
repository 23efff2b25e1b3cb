package io.switchboard.integration.vault;

/** A secret could not be sealed or opened: unknown key, wrong practice or purpose, or tampered bytes. Carries no secret. */
public class VaultException extends RuntimeException {

    VaultException(String message) {
        super(message);
    }

    VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}

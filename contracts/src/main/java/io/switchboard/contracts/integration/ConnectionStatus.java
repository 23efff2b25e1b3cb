package io.switchboard.contracts.integration;

/** The state of a provider connection. */
public enum ConnectionStatus {
    CONNECTED,
    /** Disconnected on purpose by an admin or the user (P6). */
    DISCONNECTED,
    /** The provider rejected the token (revoked, expired); someone must reconnect (P8). */
    BROKEN
}

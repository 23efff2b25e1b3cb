package io.switchboard.contracts.integration;

/** Whether a connection belongs to the whole practice (Slack install, Teams admin consent) or to one user. */
public enum ConnectionScope {
    PRACTICE,
    USER
}

package io.switchboard.contracts.common;

/** A chat tool a message can be posted to; the register's "share to channel" and the practice defaults name one. */
public enum ChatProvider {
    SLACK,
    TEAMS
}

package io.switchboard.contracts.directory;

/** A staff user's role in their practice (FEATURES.md P1). */
public enum Role {
    PRACTICE_ADMIN,
    STAFF
}

package io.switchboard.devstack.identity;

/** What a demo user may do in their practice; the value of the token's {@code role} claim. */
public enum DemoRole {
    PRACTICE_ADMIN,
    STAFF
}

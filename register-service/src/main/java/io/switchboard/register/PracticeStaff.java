package io.switchboard.register;

/**
 * Who may use the register: the practice's staff and admins. Clients' portal users share the practice
 * id in their tokens but must never read its correspondence.
 */
public final class PracticeStaff {

    public static final String ONLY = "hasAnyRole('PRACTICE_ADMIN', 'STAFF')";

    private PracticeStaff() {
    }
}

package io.switchboard.platform.security;

/** What a caller may do within their practice; carried in the token's {@code role} claim. */
public enum Role {
    /** Manages the practice: connections, settings, pipelines, staff. */
    PRACTICE_ADMIN,
    /** Works the register, jobs and tasks. */
    STAFF,
    /** A client's portal user: sees only their own client's threads and to-dos. */
    CLIENT;

    /** The Spring Security authority for this role, as used in {@code hasRole(...)}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

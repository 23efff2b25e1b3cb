package io.switchboard.workflow;

/**
 * Who may call what: admins shape pipelines and templates, staff work jobs and threads, and a
 * client's portal users reach only the portal API, scoped to their own client.
 */
public final class WorkflowRoles {

    public static final String PRACTICE = "hasAnyRole('PRACTICE_ADMIN', 'STAFF')";
    public static final String ADMIN = "hasRole('PRACTICE_ADMIN')";
    public static final String PORTAL = "hasRole('CLIENT')";

    private WorkflowRoles() {
    }
}

package io.switchboard.platform.web;

/**
 * Thrown when a resource does not exist for the caller's practice. Another practice's record is
 * reported the same way as a missing one, so ids of other tenants reveal nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}

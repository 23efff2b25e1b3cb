package io.switchboard.platform.web;

import java.util.Map;

/** A request that is well-formed but conflicts with the current state; answered 409 with details. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    public ConflictException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    /** Extra members of the problem document, e.g. the open items that block a move. */
    public Map<String, Object> properties() {
        return properties;
    }
}

package io.switchboard.contracts.register;

/** Whether a client is a person or an entity (company, trust, partnership). */
public enum ClientKind {
    PERSON,
    ENTITY
}

package io.switchboard.register.clients;

/** A client is a person or an entity (company, trust, partnership). */
public enum ClientKind {
    PERSON,
    ENTITY
}

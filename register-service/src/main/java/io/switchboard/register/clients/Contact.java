package io.switchboard.register.clients;

import java.util.UUID;

/** A person to talk to at a client: a director, a bookkeeper. */
public record Contact(UUID id, UUID clientId, String name, String email, String phone, String position) {
}

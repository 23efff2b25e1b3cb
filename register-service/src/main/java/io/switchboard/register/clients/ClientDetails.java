package io.switchboard.register.clients;

import java.util.List;
import java.util.UUID;

/** A client with its family group and contacts, as the client page shows it. */
public record ClientDetails(UUID id, ClientKind kind, String displayName, String email, String phone,
                            UUID familyGroupId, String familyGroupName, List<Contact> contacts) {
}

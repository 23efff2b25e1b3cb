package io.switchboard.contracts.register;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * The current state of one client with its contacts, published on every change to the client or
 * one of its contacts to the compacted {@code register.client.v1} (key: clientId). Other services
 * (gmail-sync-service suggesting clients from a sender's address) keep a local projection from it.
 * A client archived or deleted stays with {@code active = false}; a tombstone (null value) for the
 * key also removes it.
 *
 * @param practiceId    the tenant
 * @param clientId      the client; the event subject
 * @param kind          person or entity
 * @param displayName   the client's name as shown in the register
 * @param email         the client's own email address, {@code null} when it has none
 * @param familyGroupId the family group (client group) it belongs to, {@code null} when none
 * @param contacts      its contacts, never {@code null}
 * @param active        {@code false} once the client is archived or deleted
 * @param version       increases with every change of the client, so a consumer can ignore an older snapshot
 * @param updatedAt     when the client or one of its contacts last changed
 */
public record ClientSnapshot(UUID practiceId, UUID clientId, ClientKind kind, String displayName, String email,
                             UUID familyGroupId, List<ClientContact> contacts, boolean active, long version,
                             Instant updatedAt) implements EventData {

    public ClientSnapshot {
        Require.present(practiceId, "ClientSnapshot.practiceId");
        Require.present(clientId, "ClientSnapshot.clientId");
        Require.present(kind, "ClientSnapshot.kind");
        Require.text(displayName, "ClientSnapshot.displayName");
        Require.optionalText(email, "ClientSnapshot.email");
        contacts = Require.list(contacts, "ClientSnapshot.contacts");
        Require.that(version >= 0, "ClientSnapshot.version must not be negative");
        Require.present(updatedAt, "ClientSnapshot.updatedAt");
    }

    @Override
    public String subject() {
        return clientId.toString();
    }
}

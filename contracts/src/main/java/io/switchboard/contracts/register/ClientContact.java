package io.switchboard.contracts.register;

import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * A person to talk to at a client, as a {@link ClientSnapshot} carries it.
 *
 * @param contactId the contact
 * @param name      their name
 * @param email     their email address, {@code null} when the register has none
 * @param role      their position at the client ("Director", "Bookkeeper"), {@code null} when unknown
 */
public record ClientContact(UUID contactId, String name, String email, String role) {

    public ClientContact {
        Require.present(contactId, "ClientContact.contactId");
        Require.text(name, "ClientContact.name");
        Require.optionalText(email, "ClientContact.email");
        Require.optionalText(role, "ClientContact.role");
    }
}

package io.switchboard.contracts.workflow;

import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * A client's portal user who should hear about a thread message (by email, FEATURES.md W2).
 *
 * @param userId      the portal user
 * @param email       where the email notice goes
 * @param displayName how to greet them; {@code null} when unknown
 */
public record PortalRecipient(UUID userId, String email, String displayName) {

    public PortalRecipient {
        Require.present(userId, "PortalRecipient.userId");
        Require.text(email, "PortalRecipient.email");
        Require.that(email.indexOf('@') > 0, "PortalRecipient.email is not an address: " + email);
        Require.optionalText(displayName, "PortalRecipient.displayName");
    }
}

package io.switchboard.contracts.notification;

import io.switchboard.contracts.common.Require;

/**
 * A user to @mention in a Teams message; Graph needs both the id and the text inside the
 * {@code <at>} tag.
 *
 * @param microsoftUserId the user's Entra ID object id
 * @param displayName     the name shown in the mention
 */
public record TeamsMention(String microsoftUserId, String displayName) {

    public TeamsMention {
        Require.text(microsoftUserId, "TeamsMention.microsoftUserId");
        Require.text(displayName, "TeamsMention.displayName");
    }
}

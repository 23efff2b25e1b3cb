package io.switchboard.contracts.directory;

import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * The current state of one staff user, published on every change to a compacted topic keyed by the
 * user: the notifier and workflow resolve recipients and provider identities from it locally.
 * A user removed from the directory is a tombstone (null value) for the key; a deactivated one
 * stays with {@code active = false}.
 *
 * @param practiceId      the tenant
 * @param userId          the user; the event subject
 * @param email           the user's email in the directory
 * @param displayName     name shown to colleagues
 * @param role            practice admin or staff
 * @param active          {@code false} once deactivated: nothing is delivered to them
 * @param slackUserId     their Slack user id, resolved from the email; {@code null} until resolved
 * @param microsoftUserId their Entra ID object id; {@code null} until resolved
 */
public record DirectoryUserSnapshot(UUID practiceId, UUID userId, String email, String displayName, Role role,
                                    boolean active, String slackUserId, String microsoftUserId)
        implements EventData {

    public DirectoryUserSnapshot {
        Require.present(practiceId, "DirectoryUserSnapshot.practiceId");
        Require.present(userId, "DirectoryUserSnapshot.userId");
        Require.text(email, "DirectoryUserSnapshot.email");
        Require.that(email.indexOf('@') > 0, "DirectoryUserSnapshot.email is not an address: " + email);
        Require.text(displayName, "DirectoryUserSnapshot.displayName");
        Require.present(role, "DirectoryUserSnapshot.role");
        Require.optionalText(slackUserId, "DirectoryUserSnapshot.slackUserId");
        Require.optionalText(microsoftUserId, "DirectoryUserSnapshot.microsoftUserId");
    }

    @Override
    public String subject() {
        return userId.toString();
    }
}

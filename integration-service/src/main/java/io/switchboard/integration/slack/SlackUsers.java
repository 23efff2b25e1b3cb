package io.switchboard.integration.slack;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.slack.api.methods.response.users.UsersLookupByEmailResponse;

import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.StaffUser;

/** Resolves staff users' Slack ids from their directory email with {@code users.lookupByEmail} (P1). */
@Component
public class SlackUsers {

    private final SlackApi slack;
    private final Directory directory;

    SlackUsers(SlackApi slack, Directory directory) {
        this.slack = slack;
        this.directory = directory;
    }

    /** Looks every active staff user up; one Slack does not know is left (or made) unresolved. */
    public Resolution resolve(UUID practiceId, String botToken) {
        int resolved = 0;
        int notFound = 0;
        for (StaffUser user : directory.activeUsers(practiceId)) {
            UsersLookupByEmailResponse found = slack.call("users.lookupByEmail",
                    () -> slack.methods(botToken).usersLookupByEmail(r -> r.email(user.email())));
            String slackId;
            if (found.isOk() && found.getUser() != null) {
                slackId = found.getUser().getId();
                resolved++;
            } else if ("users_not_found".equals(found.getError())) {
                slackId = null;
                notFound++;
            } else {
                throw SlackApi.refused("users.lookupByEmail", found.getError());
            }
            directory.linkSlackUser(practiceId, user.id(), slackId);
        }
        return new Resolution(resolved, notFound);
    }

    /** How many staff users Slack knew and did not know by email. */
    public record Resolution(int resolved, int notFound) {
    }
}

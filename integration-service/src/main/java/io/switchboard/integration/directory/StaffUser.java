package io.switchboard.integration.directory;

import java.util.UUID;

/** A member of the practice's staff directory (FEATURES.md P1). */
public record StaffUser(UUID id, String email, String displayName, String role, boolean active, String slackUserId,
                        String microsoftUserId) {
}

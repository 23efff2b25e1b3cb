package io.switchboard.devstack.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * A seeded practice user of the dev stack; the services' demo data uses the same ids.
 *
 * @param id           the user's id, the {@code sub} of their tokens
 * @param email        their login name
 * @param name         display name
 * @param role         what they may do in their practice
 * @param practiceId   their practice (tenant)
 * @param practiceName the practice's name, for the launcher's listing
 */
public record DemoUser(UUID id, String email, String name, DemoRole role, UUID practiceId, String practiceName) {

    public DemoUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(practiceName, "practiceName");
    }
}

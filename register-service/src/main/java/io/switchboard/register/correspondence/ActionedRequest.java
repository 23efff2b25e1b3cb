package io.switchboard.register.correspondence;

import java.util.UUID;

import io.switchboard.contracts.register.ActionedVia;
import jakarta.validation.constraints.NotNull;

/**
 * A service's request to mark an entry as actioned for a staff user (integration-service, after mapping the
 * Slack user who pressed the button to a staff user).
 */
public record ActionedRequest(@NotNull UUID actionedByUserId, @NotNull ActionedVia via) {
}

package io.switchboard.workflow.threads;

import java.util.UUID;

/** A client's portal user: who they are (the token's subject) and which client they act for. */
public record PortalUser(UUID userId, UUID clientId, String email, String displayName) {
}

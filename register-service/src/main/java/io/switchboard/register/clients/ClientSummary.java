package io.switchboard.register.clients;

import java.util.UUID;

/** A client as lists and search results show it. */
public record ClientSummary(UUID id, String kind, String displayName, String email, String phone, UUID familyGroupId,
                            String familyGroupName) {
}

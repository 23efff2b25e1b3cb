package io.switchboard.register.clients;

import java.util.List;
import java.util.UUID;

/** A family (client) group and its clients. */
public record FamilyGroup(UUID id, String name, List<ClientSummary> clients) {
}

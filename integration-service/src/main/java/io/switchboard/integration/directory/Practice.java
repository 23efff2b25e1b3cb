package io.switchboard.integration.directory;

import java.util.UUID;

/** A practice: the tenant everything else belongs to. */
public record Practice(UUID id, String name) {
}

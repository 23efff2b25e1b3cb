package io.switchboard.register.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.ShareTarget;

/** One request to share an entry: by whom, when, to which targets (the notifier decides the channels). */
public record EntryShare(UUID id, UUID sharedBy, Instant sharedAt, List<ShareTarget> targets) {
}

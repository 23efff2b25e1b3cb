package io.switchboard.contracts.register;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * An existing entry was shared to more targets (FEATURES.md R3, "or later").
 *
 * @param entryId    the entry; the event subject
 * @param practiceId the tenant
 * @param sharedBy   the staff user who shared it
 * @param sharedAt   when
 * @param targets    where to, at least one
 * @param entry      what a notification about the entry shows, as of sharing
 */
public record CorrespondenceShared(UUID entryId, UUID practiceId, UUID sharedBy, Instant sharedAt,
                                   List<ShareTarget> targets, CorrespondenceDetails entry) implements EventData {

    public CorrespondenceShared {
        Require.present(entryId, "CorrespondenceShared.entryId");
        Require.present(practiceId, "CorrespondenceShared.practiceId");
        Require.present(sharedBy, "CorrespondenceShared.sharedBy");
        Require.present(sharedAt, "CorrespondenceShared.sharedAt");
        targets = Require.nonEmptyList(targets, "CorrespondenceShared.targets");
        Require.present(entry, "CorrespondenceShared.entry");
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}

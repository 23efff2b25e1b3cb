package io.switchboard.contracts.register;

import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A correspondence entry was recorded in the register, with the share targets chosen when it was
 * created. An empty {@code shareTargets} list means "not shared"; sharing later is a
 * {@link CorrespondenceShared}.
 *
 * @param entryId      the entry; the event subject, so one entry's events keep their order
 * @param practiceId   the tenant
 * @param entry        what a notification about the entry shows
 * @param shareTargets where the author asked to share it on create, never {@code null}
 */
public record CorrespondenceRecorded(UUID entryId, UUID practiceId, CorrespondenceDetails entry,
                                     List<ShareTarget> shareTargets) implements EventData {

    public CorrespondenceRecorded {
        Require.present(entryId, "CorrespondenceRecorded.entryId");
        Require.present(practiceId, "CorrespondenceRecorded.practiceId");
        Require.present(entry, "CorrespondenceRecorded.entry");
        shareTargets = Require.list(shareTargets, "CorrespondenceRecorded.shareTargets");
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}

package io.switchboard.contracts.register;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * An entry was deleted from the register; consumers drop what they hold about it (the Gmail link,
 * pending notifications).
 *
 * @param entryId    the entry; the event subject
 * @param practiceId the tenant
 * @param deletedBy  the staff user who deleted it
 * @param deletedAt  when
 */
public record CorrespondenceDeleted(UUID entryId, UUID practiceId, UUID deletedBy, Instant deletedAt)
        implements EventData {

    public CorrespondenceDeleted {
        Require.present(entryId, "CorrespondenceDeleted.entryId");
        Require.present(practiceId, "CorrespondenceDeleted.practiceId");
        Require.present(deletedBy, "CorrespondenceDeleted.deletedBy");
        Require.present(deletedAt, "CorrespondenceDeleted.deletedAt");
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}

package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceDeleted;

/** Builds {@link CorrespondenceDeleted} events; the type has no optional field, so full and minimal are one. */
public final class CorrespondenceDeletedMother {

    private UUID entryId = Ids.ENTRY;
    private UUID practiceId = Ids.PRACTICE;
    private UUID deletedBy = Ids.SAM;
    private Instant deletedAt = Ids.RECORDED;

    private CorrespondenceDeletedMother() {
    }

    public static CorrespondenceDeletedMother deleted() {
        return new CorrespondenceDeletedMother();
    }

    public CorrespondenceDeletedMother deletedBy(UUID value) {
        this.deletedBy = value;
        return this;
    }

    public CorrespondenceDeleted build() {
        return new CorrespondenceDeleted(entryId, practiceId, deletedBy, deletedAt);
    }
}

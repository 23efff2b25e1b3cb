package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.ShareTarget;

/** Builds {@link CorrespondenceShared} events. */
public final class CorrespondenceSharedMother {

    private UUID entryId = Ids.ENTRY;
    private UUID practiceId = Ids.PRACTICE;
    private UUID sharedBy = Ids.ALEX;
    private Instant sharedAt = Ids.RECORDED;
    private List<ShareTarget> targets = ShareTargetMother.everyKind();
    private CorrespondenceDetails entry = CorrespondenceDetailsMother.phoneMessage().build();

    private CorrespondenceSharedMother() {
    }

    /** A phone message shared later to a target of every kind. */
    public static CorrespondenceSharedMother sharedEverywhere() {
        return new CorrespondenceSharedMother();
    }

    /** A file note with no optional fields, shared to targets of every kind that leave their options empty. */
    public static CorrespondenceSharedMother minimal() {
        return new CorrespondenceSharedMother()
                .targets(ShareTargetMother.minimalOfEveryKind())
                .entry(CorrespondenceDetailsMother.minimal().build());
    }

    public CorrespondenceSharedMother sharedBy(UUID value) {
        this.sharedBy = value;
        return this;
    }

    public CorrespondenceSharedMother targets(List<ShareTarget> value) {
        this.targets = value;
        return this;
    }

    public CorrespondenceSharedMother entry(CorrespondenceDetails value) {
        this.entry = value;
        return this;
    }

    public CorrespondenceShared build() {
        return new CorrespondenceShared(entryId, practiceId, sharedBy, sharedAt, targets, entry);
    }
}

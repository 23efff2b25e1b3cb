package io.switchboard.contracts.testsupport;

import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.ShareTarget;

/** Builds {@link CorrespondenceRecorded} events. */
public final class CorrespondenceRecordedMother {

    private UUID entryId = Ids.ENTRY;
    private UUID practiceId = Ids.PRACTICE;
    private CorrespondenceDetails entry = CorrespondenceDetailsMother.phoneMessage().build();
    private List<ShareTarget> shareTargets = ShareTargetMother.everyKind();

    private CorrespondenceRecordedMother() {
    }

    /** A phone message shared to a target of every kind. */
    public static CorrespondenceRecordedMother phoneMessageSharedEverywhere() {
        return new CorrespondenceRecordedMother();
    }

    /** A file note with no optional field and no share targets. */
    public static CorrespondenceRecordedMother minimal() {
        return new CorrespondenceRecordedMother()
                .entry(CorrespondenceDetailsMother.minimal().build())
                .shareTargets(List.of());
    }

    public CorrespondenceRecordedMother entryId(UUID value) {
        this.entryId = value;
        return this;
    }

    public CorrespondenceRecordedMother practiceId(UUID value) {
        this.practiceId = value;
        return this;
    }

    public CorrespondenceRecordedMother entry(CorrespondenceDetails value) {
        this.entry = value;
        return this;
    }

    public CorrespondenceRecordedMother shareTargets(List<ShareTarget> value) {
        this.shareTargets = value;
        return this;
    }

    public CorrespondenceRecorded build() {
        return new CorrespondenceRecorded(entryId, practiceId, entry, shareTargets);
    }
}

package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceActioned;

/** Builds {@link CorrespondenceActioned} events; the type has no optional field, so full and minimal are one. */
public final class CorrespondenceActionedMother {

    private UUID entryId = Ids.ENTRY;
    private UUID practiceId = Ids.PRACTICE;
    private UUID actionedBy = Ids.SAM;
    private Instant actionedAt = Ids.COMPLETED;
    private ActionedVia via = ActionedVia.SLACK;

    private CorrespondenceActionedMother() {
    }

    /** Sam pressed "Mark as actioned" on the phone message's Slack post. */
    public static CorrespondenceActionedMother actionedOnSlack() {
        return new CorrespondenceActionedMother();
    }

    public CorrespondenceActionedMother via(ActionedVia value) {
        this.via = value;
        return this;
    }

    public CorrespondenceActioned build() {
        return new CorrespondenceActioned(entryId, practiceId, actionedBy, actionedAt, via);
    }
}

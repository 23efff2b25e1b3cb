package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.OpenItemsDecision;

/** Builds {@link JobMoved} events. */
public final class JobMovedMother {

    private UUID jobId = Ids.JOB;
    private UUID practiceId = Ids.PRACTICE;
    private UUID pipelineId = Ids.PIPELINE;
    private UUID clientId = Ids.CLIENT;
    private UUID fromStageId = Ids.STAGE;
    private String fromStageName = "Documents requested";
    private UUID toStageId = Ids.NEXT_STAGE;
    private String toStageName = "In preparation";
    private MoveReason reason = MoveReason.MANUAL;
    private UUID movedBy = Ids.SAM;
    private OpenItemsDecision decision = OpenItemsDecision.MOVE_ALONG;
    private Instant movedAt = Ids.RECORDED;
    private String link = "https://app.switchboard.example/workflow/jobs/" + Ids.JOB;

    private JobMovedMother() {
    }

    /** Sam moved the job by hand, taking its open to-dos along. */
    public static JobMovedMother manualWithOpenItemsMovedAlong() {
        return new JobMovedMother();
    }

    /** The client checked off the last to-do and the job moved on by itself. */
    public static JobMovedMother automove() {
        return new JobMovedMother().reason(MoveReason.AUTOMOVE).movedBy(Ids.PORTAL_USER).decision(null);
    }

    public JobMovedMother reason(MoveReason value) {
        this.reason = value;
        return this;
    }

    public JobMovedMother movedBy(UUID value) {
        this.movedBy = value;
        return this;
    }

    public JobMovedMother decision(OpenItemsDecision value) {
        this.decision = value;
        return this;
    }

    public JobMoved build() {
        return new JobMoved(jobId, practiceId, pipelineId, clientId, fromStageId, fromStageName, toStageId, toStageName,
                reason, movedBy, decision, movedAt, link);
    }
}

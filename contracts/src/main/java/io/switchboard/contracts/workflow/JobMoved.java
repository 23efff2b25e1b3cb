package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A job moved from one stage of its pipeline to another (FEATURES.md W1, W4, W5): who moved it,
 * from where, to where and why.
 *
 * @param jobId         the job; the event subject
 * @param practiceId    the tenant
 * @param pipelineId    the job's pipeline
 * @param clientId      the job's client
 * @param fromStageId   the stage it left
 * @param fromStageName that stage's name at the time
 * @param toStageId     the stage it entered
 * @param toStageName   that stage's name at the time
 * @param reason        a staff user's move, or automove
 * @param movedBy       the staff user who moved it; for automove, the portal user whose check-off completed the to-dos
 * @param decision      what was done with open to-dos on a manual move; {@code null} when none were open or on automove
 * @param movedAt       when
 * @param link          where the app opens the job
 */
public record JobMoved(UUID jobId, UUID practiceId, UUID pipelineId, UUID clientId, UUID fromStageId,
                       String fromStageName, UUID toStageId, String toStageName, MoveReason reason, UUID movedBy,
                       OpenItemsDecision decision, Instant movedAt, String link) implements EventData {

    public JobMoved {
        Require.present(jobId, "JobMoved.jobId");
        Require.present(practiceId, "JobMoved.practiceId");
        Require.present(pipelineId, "JobMoved.pipelineId");
        Require.present(clientId, "JobMoved.clientId");
        Require.present(fromStageId, "JobMoved.fromStageId");
        Require.text(fromStageName, "JobMoved.fromStageName");
        Require.present(toStageId, "JobMoved.toStageId");
        Require.text(toStageName, "JobMoved.toStageName");
        Require.present(reason, "JobMoved.reason");
        Require.present(movedBy, "JobMoved.movedBy");
        Require.present(movedAt, "JobMoved.movedAt");
        Require.text(link, "JobMoved.link");
        Require.that(reason == MoveReason.MANUAL || decision == null, "JobMoved.decision is for manual moves only");
    }

    @Override
    public String subject() {
        return jobId.toString();
    }
}

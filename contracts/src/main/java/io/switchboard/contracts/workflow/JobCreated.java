package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A job was created for one client in one pipeline and entered its first stage (FEATURES.md W1).
 *
 * @param jobId      the job; the event subject
 * @param practiceId the tenant
 * @param pipelineId the pipeline
 * @param stageId    the stage it entered, the pipeline's first
 * @param stageName  that stage's name when the job entered it
 * @param clientId   the client, a register client id
 * @param clientName the client's display name as given when the job was created
 * @param title      what the job is, e.g. "2025 tax return"; {@code null} when none was given
 * @param createdBy  the staff user who created it
 * @param createdAt  when
 * @param link       where the app opens the job
 */
public record JobCreated(UUID jobId, UUID practiceId, UUID pipelineId, UUID stageId, String stageName, UUID clientId,
                         String clientName, String title, UUID createdBy, Instant createdAt, String link)
        implements EventData {

    public JobCreated {
        Require.present(jobId, "JobCreated.jobId");
        Require.present(practiceId, "JobCreated.practiceId");
        Require.present(pipelineId, "JobCreated.pipelineId");
        Require.present(stageId, "JobCreated.stageId");
        Require.text(stageName, "JobCreated.stageName");
        Require.present(clientId, "JobCreated.clientId");
        Require.text(clientName, "JobCreated.clientName");
        Require.optionalText(title, "JobCreated.title");
        Require.present(createdBy, "JobCreated.createdBy");
        Require.present(createdAt, "JobCreated.createdAt");
        Require.text(link, "JobCreated.link");
    }

    @Override
    public String subject() {
        return jobId.toString();
    }
}

package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.workflow.JobCreated;

/** Builds {@link JobCreated} events. */
public final class JobCreatedMother {

    private UUID jobId = Ids.JOB;
    private UUID practiceId = Ids.PRACTICE;
    private UUID pipelineId = Ids.PIPELINE;
    private UUID stageId = Ids.STAGE;
    private String stageName = "Documents requested";
    private UUID clientId = Ids.CLIENT;
    private String clientName = "Acme Pty Ltd";
    private String title = "2025 tax return";
    private UUID createdBy = Ids.SAM;
    private Instant createdAt = Ids.RECORDED;
    private String link = "https://app.switchboard.example/workflow/jobs/" + Ids.JOB;

    private JobCreatedMother() {
    }

    /** Acme's 2025 tax return, created by Sam. */
    public static JobCreatedMother taxReturn() {
        return new JobCreatedMother();
    }

    /** A job without a title. */
    public static JobCreatedMother minimal() {
        return new JobCreatedMother().title(null);
    }

    public JobCreatedMother title(String value) {
        this.title = value;
        return this;
    }

    public JobCreated build() {
        return new JobCreated(jobId, practiceId, pipelineId, stageId, stageName, clientId, clientName, title,
                createdBy, createdAt, link);
    }
}

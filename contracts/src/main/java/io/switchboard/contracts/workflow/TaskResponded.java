package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A client's portal user responded to a work task (FEATURES.md W6): uploaded files, connected the
 * bank feed, submitted the credential or answered in text. Never carries a submitted secret.
 *
 * @param taskId             the task; the event subject
 * @param practiceId         the tenant
 * @param clientId           the client
 * @param jobId              the task's job; {@code null} for a standalone task
 * @param taskType           what the task asks
 * @param title              the task's title
 * @param responseKind       what the portal user did
 * @param respondedBy        the portal user
 * @param assigneeUserId     the staff user responsible, to be told
 * @param extraContactUserId the extra point of contact; {@code null} when none
 * @param fileCount          how many files this response uploaded
 * @param bankName           the bank or feed provider connected; {@code null} unless a bank feed was connected
 * @param excerpt            the start of a text answer; {@code null} when there was none
 * @param respondedAt        when
 * @param link               where the app opens the task
 */
public record TaskResponded(UUID taskId, UUID practiceId, UUID clientId, UUID jobId, TaskType taskType, String title,
                            TaskResponseKind responseKind, UUID respondedBy, UUID assigneeUserId,
                            UUID extraContactUserId, int fileCount, String bankName, String excerpt,
                            Instant respondedAt, String link) implements EventData {

    public TaskResponded {
        Require.present(taskId, "TaskResponded.taskId");
        Require.present(practiceId, "TaskResponded.practiceId");
        Require.present(clientId, "TaskResponded.clientId");
        Require.present(taskType, "TaskResponded.taskType");
        Require.text(title, "TaskResponded.title");
        Require.present(responseKind, "TaskResponded.responseKind");
        Require.present(respondedBy, "TaskResponded.respondedBy");
        Require.present(assigneeUserId, "TaskResponded.assigneeUserId");
        Require.that(fileCount >= 0, "TaskResponded.fileCount must not be negative");
        Require.optionalText(bankName, "TaskResponded.bankName");
        Require.optionalText(excerpt, "TaskResponded.excerpt");
        Require.present(respondedAt, "TaskResponded.respondedAt");
        Require.text(link, "TaskResponded.link");
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}

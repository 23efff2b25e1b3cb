package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A work task changed status (FEATURES.md W6): started, completed (a document upload's files are
 * then in {@code folder}) or cancelled.
 *
 * @param taskId             the task; the event subject
 * @param practiceId         the tenant
 * @param clientId           the client
 * @param jobId              the task's job; {@code null} for a standalone task
 * @param taskType           what the task asks
 * @param title              the task's title
 * @param fromStatus         the status it left
 * @param toStatus           the status it entered
 * @param assigneeUserId     the staff user responsible
 * @param extraContactUserId the extra point of contact; {@code null} when none
 * @param changedBy          the staff or portal user who changed it
 * @param changedByParty     practice or client
 * @param folder             where the task's documents were filed on completion; {@code null} otherwise
 * @param fileCount          how many documents the task holds
 * @param changedAt          when
 * @param link               where the app opens the task
 */
public record TaskStatusChanged(UUID taskId, UUID practiceId, UUID clientId, UUID jobId, TaskType taskType,
                                String title, TaskStatus fromStatus, TaskStatus toStatus, UUID assigneeUserId,
                                UUID extraContactUserId, UUID changedBy, ThreadParty changedByParty, String folder,
                                int fileCount, Instant changedAt, String link) implements EventData {

    public TaskStatusChanged {
        Require.present(taskId, "TaskStatusChanged.taskId");
        Require.present(practiceId, "TaskStatusChanged.practiceId");
        Require.present(clientId, "TaskStatusChanged.clientId");
        Require.present(taskType, "TaskStatusChanged.taskType");
        Require.text(title, "TaskStatusChanged.title");
        Require.present(fromStatus, "TaskStatusChanged.fromStatus");
        Require.present(toStatus, "TaskStatusChanged.toStatus");
        Require.that(fromStatus != toStatus, "TaskStatusChanged.toStatus must differ from fromStatus");
        Require.present(assigneeUserId, "TaskStatusChanged.assigneeUserId");
        Require.present(changedBy, "TaskStatusChanged.changedBy");
        Require.present(changedByParty, "TaskStatusChanged.changedByParty");
        Require.optionalText(folder, "TaskStatusChanged.folder");
        Require.that(fileCount >= 0, "TaskStatusChanged.fileCount must not be negative");
        Require.present(changedAt, "TaskStatusChanged.changedAt");
        Require.text(link, "TaskStatusChanged.link");
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}

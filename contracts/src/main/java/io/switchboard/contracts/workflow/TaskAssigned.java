package io.switchboard.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A work task was assigned: when it is created (to the given assignee or the practice's primary
 * point of contact) and whenever it is reassigned (FEATURES.md W6).
 *
 * @param taskId                 the task; the event subject
 * @param practiceId             the tenant
 * @param clientId               the client the task is for
 * @param jobId                  the job the task belongs to; {@code null} for a standalone task
 * @param taskType               what the task asks of the client
 * @param category               general, bank statements or accounts payable
 * @param title                  the task's title
 * @param dueDate                the due date, ISO {@code yyyy-MM-dd}; {@code null} when none
 * @param assigneeUserId         the staff user now responsible
 * @param previousAssigneeUserId who was responsible before; {@code null} when the task was just created
 * @param extraContactUserId     the extra point of contact for bank-statement and accounts-payable tasks; {@code null} when none
 * @param assignedBy             the user who created or reassigned the task
 * @param assignedAt             when
 * @param link                   where the app opens the task
 */
public record TaskAssigned(UUID taskId, UUID practiceId, UUID clientId, UUID jobId, TaskType taskType,
                           TaskCategory category, String title, String dueDate, UUID assigneeUserId,
                           UUID previousAssigneeUserId, UUID extraContactUserId, UUID assignedBy, Instant assignedAt,
                           String link) implements EventData {

    public TaskAssigned {
        Require.present(taskId, "TaskAssigned.taskId");
        Require.present(practiceId, "TaskAssigned.practiceId");
        Require.present(clientId, "TaskAssigned.clientId");
        Require.present(taskType, "TaskAssigned.taskType");
        Require.present(category, "TaskAssigned.category");
        Require.text(title, "TaskAssigned.title");
        Require.optionalText(dueDate, "TaskAssigned.dueDate");
        Require.present(assigneeUserId, "TaskAssigned.assigneeUserId");
        Require.present(assignedBy, "TaskAssigned.assignedBy");
        Require.present(assignedAt, "TaskAssigned.assignedAt");
        Require.text(link, "TaskAssigned.link");
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}

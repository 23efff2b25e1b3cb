package io.switchboard.workflow.tasks;

import java.time.LocalDate;
import java.util.UUID;

import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A work task to create: for a client ({@code clientId}) or on a job ({@code jobId}; the client is the
 * job's). Without an assignee it goes to the client's or practice's primary point of contact; a
 * document upload request names the folder its files are filed in.
 */
public record NewTask(@NotNull TaskType type, UUID clientId, UUID jobId, @NotBlank @Size(max = 300) String title,
                      @Size(max = 5000) String description, LocalDate dueDate, TaskCategory category,
                      UUID assigneeUserId, UUID extraContactUserId, @Size(max = 300) String folder) {
}

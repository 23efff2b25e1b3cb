package io.switchboard.workflow.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.contracts.workflow.TaskType;

/**
 * A work task for a client (FEATURES.md W6), as staff and the client's portal users see it. A
 * credential request shows only whether and when the secret was submitted: the secret is in the
 * vault, and not even its reference leaves the service.
 */
public record Task(UUID id, UUID clientId, UUID jobId, TaskType type, TaskCategory category, String title,
                   String description, LocalDate dueDate, TaskStatus status, UUID assigneeUserId,
                   UUID extraContactUserId, String folder, BankFeed bankFeed, Credential credential,
                   String responseText, List<TaskDocument> documents, UUID createdBy, Instant createdAt,
                   Instant updatedAt, Instant completedAt, String link) {

    /** A bank-feed connection the client reported. */
    public record BankFeed(String bankName, Instant connectedAt) {
    }

    /** Whether the client has submitted the requested credential. */
    public record Credential(boolean submitted, Instant submittedAt) {
    }
}

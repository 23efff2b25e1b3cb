package io.switchboard.workflow.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.workflow.threads.TodoItem;

/**
 * A job for one client in one pipeline, where it stands, the threads linked to it and the to-dos of
 * those threads still open.
 */
public record Job(UUID id, UUID pipelineId, UUID stageId, String stageName, UUID clientId, String clientName,
                  String title, UUID createdBy, Instant createdAt, Instant inStageSince, List<UUID> threadIds,
                  List<TodoItem> openTodos, String link) {
}

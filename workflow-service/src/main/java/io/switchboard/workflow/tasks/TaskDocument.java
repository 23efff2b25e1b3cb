package io.switchboard.workflow.tasks;

import java.time.Instant;
import java.util.UUID;

/** A file uploaded to a task; {@code folder} and {@code filedAt} are set once the task completed and filed it. */
public record TaskDocument(UUID id, String filename, String contentType, long sizeBytes, String sha256,
                           String folder, UUID uploadedBy, Instant uploadedAt, Instant filedAt) {
}

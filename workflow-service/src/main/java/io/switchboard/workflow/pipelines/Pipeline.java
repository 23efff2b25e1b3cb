package io.switchboard.workflow.pipelines;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline with its stages in order. */
public record Pipeline(UUID id, String name, List<Stage> stages, Instant createdAt) {
}

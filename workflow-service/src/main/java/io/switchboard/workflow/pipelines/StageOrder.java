package io.switchboard.workflow.pipelines;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Every stage of a pipeline, in the new order. */
public record StageOrder(@NotEmpty List<@NotNull UUID> stageIds) {
}

package io.switchboard.workflow.pipelines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A stage to add to a pipeline, at {@code position} (0-based) or at the end when absent. */
public record NewStage(@NotNull @Valid StageChanges stage, @Min(0) Integer position) {
}

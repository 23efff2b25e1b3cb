package io.switchboard.workflow.pipelines;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A pipeline's new name. */
public record PipelineRename(@NotBlank @Size(max = 200) String name) {
}

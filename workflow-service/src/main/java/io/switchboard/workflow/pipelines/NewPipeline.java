package io.switchboard.workflow.pipelines;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A pipeline with its stages in order; at least one stage. */
public record NewPipeline(@NotBlank @Size(max = 200) String name,
                          @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid StageChanges> stages) {
}

package io.switchboard.workflow.pipelines;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A stage's settings: its name, automove, and the optional automation on entering it. */
public record StageChanges(@NotBlank @Size(max = 200) String name,
                           @Schema(description = "move jobs on when every linked to-do is done; false when left out")
                           Boolean automove,
                           @Valid AutomationChanges automation) {

    public StageChanges {
        automove = Boolean.TRUE.equals(automove);
    }
}

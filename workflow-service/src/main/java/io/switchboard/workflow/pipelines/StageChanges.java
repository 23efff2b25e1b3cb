package io.switchboard.workflow.pipelines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A stage's settings: its name, automove, and the optional automation on entering it. */
public record StageChanges(@NotBlank @Size(max = 200) String name, boolean automove,
                           @Valid AutomationChanges automation) {
}

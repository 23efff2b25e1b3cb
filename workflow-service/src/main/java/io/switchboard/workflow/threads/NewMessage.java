package io.switchboard.workflow.threads;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message in a thread; the practice may add to-do items, a portal user may not. */
public record NewMessage(@NotBlank @Size(max = 20_000) String body,
                         @Size(max = 50) List<@NotBlank @Size(max = 500) String> todos) {
}

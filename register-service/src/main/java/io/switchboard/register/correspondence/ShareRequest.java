package io.switchboard.register.correspondence;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Share an existing entry to more targets. */
public record ShareRequest(@NotNull @Valid @Size(min = 1, max = 20) List<@NotNull ShareTargetRequest> targets) {
}

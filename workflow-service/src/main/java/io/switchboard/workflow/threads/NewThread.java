package io.switchboard.workflow.threads;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new thread with a client, opened by the practice with its first message. */
public record NewThread(@NotNull UUID clientId, @NotBlank @Size(max = 300) String subject,
                        @NotBlank @Size(max = 20_000) String body,
                        @Size(max = 50) List<@NotBlank @Size(max = 500) String> todos) {
}

package io.switchboard.register.clients;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A client's fields as a create or update sets them; a {@code null} family group leaves the client ungrouped. */
public record ClientChanges(
        @NotNull ClientKind kind,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone,
        UUID familyGroupId) {
}

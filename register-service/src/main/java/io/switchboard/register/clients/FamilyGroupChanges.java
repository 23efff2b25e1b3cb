package io.switchboard.register.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A family group's name, unique within the practice. */
public record FamilyGroupChanges(@NotBlank @Size(max = 200) String name) {
}

package io.switchboard.register.clients;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact's fields as a create or update sets them. */
public record ContactChanges(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone,
        @Size(max = 100) String position) {
}

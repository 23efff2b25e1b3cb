package io.switchboard.workflow.threads;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A portal user to register for a client: the user id their token carries as subject, and their email. */
public record NewPortalUser(@NotNull UUID userId, @NotBlank @Email @Size(max = 320) String email,
                            @Size(max = 200) String displayName) {
}

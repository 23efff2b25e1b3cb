package io.switchboard.register.templates;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Render a template for this client. */
public record RenderRequest(@NotNull UUID clientId) {
}

package io.switchboard.workflow.pipelines;

import java.util.UUID;

import io.switchboard.workflow.templates.TemplateChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * "Send message on entering" for a stage: an existing template ({@code templateId}) or one created in
 * the same request ({@code newTemplate}) — exactly one of the two.
 */
public record AutomationChanges(UUID templateId, @Valid TemplateChanges newTemplate, @NotNull AutomationMode mode) {
}

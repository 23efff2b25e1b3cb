package io.switchboard.workflow.pipelines;

import java.util.UUID;

/** A stage's "send message on entering" automation: the template it sends and where it posts. */
public record StageAutomation(UUID templateId, String templateName, AutomationMode mode) {
}

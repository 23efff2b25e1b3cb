package io.switchboard.workflow.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chat message template: what a stage automation sends, with the to-do items the message carries. */
public record MessageTemplate(UUID id, String name, String subject, String body, List<String> todos,
                              Instant createdAt) {
}

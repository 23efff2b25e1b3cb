package io.switchboard.register.correspondence;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceType;

/** An entry as the register list shows it: the body cut to a summary; {@code actioned} is {@code null} until actioned. */
public record EntrySummary(UUID id, CorrespondenceType type, UUID clientId, String clientDisplayName,
                           UUID familyGroupId, UUID authorUserId, UUID recipientUserId, String subject, String summary,
                           Instant occurredAt, String callerName, String callerPhone, String summaryUrl,
                           EntryActioned actioned) {
}

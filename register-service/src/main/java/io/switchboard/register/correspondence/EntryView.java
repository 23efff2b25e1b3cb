package io.switchboard.register.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.register.delivery.DeliveryStatus;

/**
 * An entry with everything the app needs to open it filled in (the "Record Summary" a message links
 * to at {@code summaryUrl}): the client, the return-call fields, shares, per-target delivery status and who
 * actioned it ({@code actioned}, {@code null} until someone does).
 */
public record EntryView(UUID id, CorrespondenceType type, UUID clientId, String clientDisplayName, String clientEmail,
                        String clientPhone, UUID familyGroupId, UUID authorUserId, UUID recipientUserId,
                        String subject, String body, Instant occurredAt, List<AttachmentLink> attachments,
                        String callerName, String callerPhone, String bestTimeToCall, Instant createdAt,
                        List<EntryShare> shares, List<DeliveryStatus> deliveries, String summaryUrl,
                        FiledEmail email, EntryActioned actioned) {
}

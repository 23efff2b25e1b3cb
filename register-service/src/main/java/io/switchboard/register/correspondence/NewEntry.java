package io.switchboard.register.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new correspondence entry as the author fills it in. {@code occurredAt} defaults to now; a phone
 * message needs the caller's name or number; {@code share} lists where to share it at once.
 */
public record NewEntry(
        @NotNull CorrespondenceType type,
        @NotNull UUID clientId,
        UUID recipientUserId,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 50_000) String body,
        Instant occurredAt,
        @Valid @Size(max = 20) List<@NotNull AttachmentLink> attachments,
        @Size(max = 200) String callerName,
        @Size(max = 50) String callerPhone,
        @Size(max = 200) String bestTimeToCall,
        @Valid @Size(max = 20) List<@NotNull ShareTargetRequest> share) {
}

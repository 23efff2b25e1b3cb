package io.switchboard.contracts.gmail;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A user removed the link between a Gmail message and a client (G2): the register deletes the
 * entry (and publishes its own {@code CorrespondenceDeleted}). When the entry is deleted in the
 * register first, gmail-sync-service drops its link on that event and publishes nothing.
 *
 * @param entryId        the register entry, {@link GmailEmailAssigned#entryIdFor}
 * @param practiceId     the tenant
 * @param clientId       the client it was filed against
 * @param gmailMessageId Gmail's message id in the mailbox
 * @param unassignedBy   the staff user who removed the link
 * @param unassignedAt   when
 */
public record GmailEmailUnassigned(UUID entryId, UUID practiceId, UUID clientId, String gmailMessageId,
                                   UUID unassignedBy, Instant unassignedAt) implements EventData {

    public GmailEmailUnassigned {
        Require.present(entryId, "GmailEmailUnassigned.entryId");
        Require.present(practiceId, "GmailEmailUnassigned.practiceId");
        Require.present(clientId, "GmailEmailUnassigned.clientId");
        Require.text(gmailMessageId, "GmailEmailUnassigned.gmailMessageId");
        Require.present(unassignedBy, "GmailEmailUnassigned.unassignedBy");
        Require.present(unassignedAt, "GmailEmailUnassigned.unassignedAt");
    }

    @Override
    public String subject() {
        return GmailEmailAssigned.subjectFor(practiceId, gmailMessageId);
    }
}

package io.switchboard.contracts.register;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.common.Require;

/**
 * A staff user marked an entry as actioned ("I called them back"), in the app or with the "Mark as actioned" button
 * on the entry's Slack message. Recorded once: marking an actioned entry again changes nothing and publishes nothing.
 * The notifier updates the chat messages it posted about the entry so nobody acts on it twice.
 *
 * @param entryId          the entry; the event subject
 * @param practiceId       the tenant
 * @param actionedByUserId the staff user who actioned it
 * @param actionedAt       when
 * @param via              where they did it
 */
public record CorrespondenceActioned(UUID entryId, UUID practiceId, UUID actionedByUserId, Instant actionedAt,
                                     ActionedVia via) implements EventData {

    public CorrespondenceActioned {
        Require.present(entryId, "CorrespondenceActioned.entryId");
        Require.present(practiceId, "CorrespondenceActioned.practiceId");
        Require.present(actionedByUserId, "CorrespondenceActioned.actionedByUserId");
        Require.present(actionedAt, "CorrespondenceActioned.actionedAt");
        Require.present(via, "CorrespondenceActioned.via");
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}

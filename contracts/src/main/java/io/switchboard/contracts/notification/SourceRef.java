package io.switchboard.contracts.notification;

import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * What a notification is about, copied into its delivery report so the owning service (the
 * register for an entry, workflow for a task) can route the report back to its record.
 *
 * @param kind what kind of record
 * @param id   the record's id
 */
public record SourceRef(SourceKind kind, UUID id) {

    public SourceRef {
        Require.present(kind, "SourceRef.kind");
        Require.present(id, "SourceRef.id");
    }

    public static SourceRef correspondenceEntry(UUID entryId) {
        return new SourceRef(SourceKind.CORRESPONDENCE_ENTRY, entryId);
    }
}

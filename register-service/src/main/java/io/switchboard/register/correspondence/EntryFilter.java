package io.switchboard.register.correspondence;

import java.time.LocalDate;
import java.util.UUID;

import io.switchboard.contracts.register.CorrespondenceType;

/**
 * The register list's filters (FEATURES.md R5), each optional; dates are whole days in UTC,
 * {@code to} inclusive; {@code text} matches subject or body.
 */
public record EntryFilter(UUID clientId, UUID familyGroupId, CorrespondenceType type, UUID recipientUserId,
                          LocalDate from, LocalDate to, String text) {

    public static EntryFilter forFamilyGroup(UUID familyGroupId) {
        return new EntryFilter(null, familyGroupId, null, null, null, null, null);
    }
}

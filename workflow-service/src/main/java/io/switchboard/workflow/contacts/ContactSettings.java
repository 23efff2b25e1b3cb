package io.switchboard.workflow.contacts;

import java.util.UUID;

/**
 * Who new tasks go to: the primary point of contact, and the extra contacts for bank-statement and
 * accounts-payable tasks. For a client, a field left {@code null} falls back to the practice's.
 */
public record ContactSettings(UUID primaryUserId, UUID bankStatementsUserId, UUID accountsPayableUserId) {
}

package io.switchboard.register.correspondence;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.contracts.register.ActionedVia;

/**
 * Who marked an entry as actioned, when, and where (in the app or with the button on its Slack message).
 *
 * @param byUserId the staff user who actioned it
 * @param at       when
 * @param via      where
 */
public record EntryActioned(UUID byUserId, Instant at, ActionedVia via) {
}

package io.switchboard.notifier.inapp;

import java.util.UUID;

/**
 * What one inbox change tells the instances holding live streams, over PostgreSQL {@code NOTIFY}: whose inbox
 * changed and, for a new item, its id — never its content (the stream re-reads it, scoped by practice and user).
 *
 * @param itemId {@code null} when only the unread count changed (read, read-all)
 */
record InboxSignal(UUID practiceId, UUID userId, UUID itemId) {

    /** The {@code LISTEN}/{@code NOTIFY} channel every instance listens on. */
    static final String CHANNEL = "notifier_inbox";

    String payload() {
        return practiceId + ":" + userId + (itemId == null ? "" : ":" + itemId);
    }

    /** The signal in a notification's payload, or {@code null} for one this version does not understand. */
    static InboxSignal parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":");
        try {
            if (parts.length == 2) {
                return new InboxSignal(UUID.fromString(parts[0]), UUID.fromString(parts[1]), null);
            }
            if (parts.length == 3) {
                return new InboxSignal(UUID.fromString(parts[0]), UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return null;
    }
}

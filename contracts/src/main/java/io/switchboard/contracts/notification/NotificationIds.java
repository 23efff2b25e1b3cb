package io.switchboard.contracts.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.switchboard.contracts.common.Require;

/**
 * Derives the id of a delivery command from what caused it, so a replayed source event yields the
 * same ids and the delivery ledger recognises the commands it has already handled (FEATURES.md N1).
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    /**
     * A name-based (version 3) UUID of the source event id, the channel and the target.
     *
     * @param sourceEventId the CloudEvents id of the event that caused the notification
     * @param channel       the channel it goes through
     * @param targetKey     a stable description of the target within the channel, e.g. a channel id
     *                      or a lower-cased email address
     */
    public static UUID derive(String sourceEventId, NotificationChannel channel, String targetKey) {
        Require.text(sourceEventId, "sourceEventId");
        Require.present(channel, "channel");
        Require.text(targetKey, "targetKey");
        String name = sourceEventId + '\n' + channel.name() + '\n' + targetKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

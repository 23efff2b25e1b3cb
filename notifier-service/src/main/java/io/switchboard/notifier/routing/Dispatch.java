package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.projection.Projections.DeliverySettings;

/**
 * One source event's notifications in the making, as every routing strategy hands them to {@link Destinations}: what
 * caused them (the event id every notification id is derived from), what they are about, what they say, the
 * practice default that chose chat targets, and who a Teams post is sent as. Copies made with the {@code with…}
 * methods share {@code emitted}, so one event never yields the same notification id twice.
 *
 * @param teamsSender the staff user whose own Microsoft connection posts to Teams; {@code null} when the event has
 *                    none (a Teams target is then reported NOT_SENT)
 */
record Dispatch(String sourceEventId, Instant requestedAt, UUID practiceId, SourceRef source, MessageContent content,
                String emailSubject, DeliverySettings settings, UUID teamsSender, Set<UUID> emitted) {

    static Dispatch of(String sourceEventId, Instant requestedAt, UUID practiceId, SourceRef source,
                       MessageContent content, String emailSubject, DeliverySettings settings, UUID teamsSender) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, settings,
                teamsSender, new LinkedHashSet<>());
    }

    Dispatch with(MessageContent newContent, String newEmailSubject) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, newContent, newEmailSubject, settings,
                teamsSender, emitted);
    }

    Dispatch with(DeliverySettings newSettings) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, newSettings,
                teamsSender, emitted);
    }
}

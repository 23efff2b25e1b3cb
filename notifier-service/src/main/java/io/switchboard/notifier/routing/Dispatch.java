package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.switchboard.contracts.notification.MessageAction;
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
 * @param emailSender the staff user whose own Gmail sends this event's emails (G4: a register "new email");
 *                    {@code null} sends them from the practice's notification address by SMTP
 * @param slackActions  buttons this event's Slack posts (channel and DM) carry, e.g. "Mark as actioned"; only Slack
 *                      has interactivity here, so Teams, email and the inbox never get them
 */
record Dispatch(String sourceEventId, Instant requestedAt, UUID practiceId, SourceRef source, MessageContent content,
                String emailSubject, DeliverySettings settings, UUID teamsSender, UUID emailSender, Set<UUID> emitted,
                List<MessageAction> slackActions) {

    static Dispatch of(String sourceEventId, Instant requestedAt, UUID practiceId, SourceRef source,
                       MessageContent content, String emailSubject, DeliverySettings settings, UUID teamsSender) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, settings,
                teamsSender, null, new LinkedHashSet<>(), List.of());
    }

    Dispatch with(MessageContent newContent, String newEmailSubject) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, newContent, newEmailSubject, settings,
                teamsSender, emailSender, emitted, slackActions);
    }

    /** Emails of this copy go out as {@code userId}: through their Gmail when connected (the email worker decides). */
    Dispatch sentAs(UUID userId) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, settings,
                teamsSender, userId, emitted, slackActions);
    }

    /** Slack posts of this copy carry these buttons. */
    Dispatch withSlackActions(List<MessageAction> actions) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, settings,
                teamsSender, emailSender, emitted, List.copyOf(actions));
    }

    /** What a Slack post says: the content with the Slack buttons. */
    MessageContent slackContent(MessageContent base) {
        return slackActions.isEmpty() ? base : base.withActions(slackActions);
    }

    Dispatch with(DeliverySettings newSettings) {
        return new Dispatch(sourceEventId, requestedAt, practiceId, source, content, emailSubject, newSettings,
                teamsSender, emailSender, emitted, slackActions);
    }
}

package io.switchboard.notifier.notices;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionScope;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.delivery.DeliveryReports;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DirectoryUser;

/**
 * System notices (N5) from connection changes: Teams consented for the practice (P3) tells every active staff user
 * to connect their own Microsoft account; a broken connection (P8) tells every practice admin, and for a user's own
 * broken connection that user too. One {@link InAppNotificationRequested} per recipient through the outbox, in the
 * consumer's dedupe transaction, with the id {@code derive(eventId, IN_APP, "user:" + userId)}: a redelivered event
 * (or another producer using the same rule for the same event) makes no second item.
 */
@Component
public class ConnectionNotices {

    /** How old a connection change may be and still be announced. */
    static final Duration NEWS_WINDOW = Duration.ofHours(24);

    private final Projections projections;
    private final ApplicationEventPublisher events;
    private final DeliveryReports reports;
    private final String profileUrl;

    public ConnectionNotices(Projections projections, ApplicationEventPublisher events, DeliveryReports reports,
                             @Value("${switchboard.public-url:http://localhost:8080}") String publicUrl) {
        this.projections = projections;
        this.events = events;
        this.reports = reports;
        this.profileUrl = publicUrl.replaceAll("/+$", "") + "/profile";
    }

    public void on(String eventId, ConnectionChanged change) {
        if (change.changedAt().isBefore(Instant.now().minus(NEWS_WINDOW))) {
            // The connection topic is compacted and read from its start by a new consumer group: a change
            // from long ago is state to project, not news to announce again.
            return;
        }
        if (change.provider() == Provider.GMAIL && change.scope() == ConnectionScope.PRACTICE
                && change.status() == ConnectionStatus.CONNECTED) {
            MessageContent content = new MessageContent("Gmail is enabled for the practice",
                    "Gmail is enabled for the practice — connect your own Google account in My Profile to file"
                            + " client emails into the register and send from it.",
                    fields(change), profileUrl, "My Profile");
            for (DirectoryUser user : projections.activeUsers(change.practiceId())) {
                notify(eventId, change, user.userId(), content);
            }
        } else if (change.provider() == Provider.MICROSOFT_TEAMS && change.scope() == ConnectionScope.PRACTICE
                && change.status() == ConnectionStatus.CONNECTED) {
            MessageContent content = new MessageContent("Teams is connected for the practice",
                    "Teams is connected for the practice — connect your own Microsoft account in My Profile so your"
                            + " shares can be posted to Teams in your name.",
                    fields(change), profileUrl, "My Profile");
            for (DirectoryUser user : projections.activeUsers(change.practiceId())) {
                notify(eventId, change, user.userId(), content);
            }
        } else if (change.status() == ConnectionStatus.BROKEN) {
            Map<UUID, MessageContent> recipients = new LinkedHashMap<>();
            MessageContent forAdmins = brokenForAdmins(change);
            for (DirectoryUser admin : projections.activeAdmins(change.practiceId())) {
                recipients.put(admin.userId(), forAdmins);
            }
            if (change.scope() == ConnectionScope.USER) {
                // The owner can fix it themselves; that is what their notice says, admin or not.
                recipients.put(change.userId(), brokenForOwner(change));
            }
            recipients.forEach((userId, content) -> notify(eventId, change, userId, content));
        }
    }

    private MessageContent brokenForAdmins(ConnectionChanged change) {
        String provider = name(change.provider());
        if (change.scope() == ConnectionScope.PRACTICE) {
            return new MessageContent("The " + provider + " connection needs re-authorising",
                    provider + " rejected the practice's connection, so nothing is delivered to " + provider
                            + " until a practice admin reconnects it in Practice Settings → Integrations.",
                    fields(change), profileUrl.replaceAll("/profile$", "") + "/settings/integrations",
                    "Practice Settings");
        }
        String who = projections.user(change.practiceId(), change.userId()).map(DirectoryUser::displayName)
                .orElse("A user");
        return new MessageContent(who + "'s " + provider + " connection needs re-authorising",
                provider + " rejected " + who + "'s own connection; their shares to " + provider
                        + " are not sent until they reconnect in My Profile.",
                fields(change), null, null);
    }

    private MessageContent brokenForOwner(ConnectionChanged change) {
        String provider = name(change.provider());
        return new MessageContent("Reconnect your " + provider + " account",
                provider + " rejected your connection, so nothing is sent in your name until you reconnect "
                        + provider + " in My Profile.",
                fields(change), profileUrl, "My Profile");
    }

    private static List<MessageField> fields(ConnectionChanged change) {
        List<MessageField> fields = new java.util.ArrayList<>();
        fields.add(new MessageField("Provider", name(change.provider())));
        if (change.externalName() != null) {
            fields.add(new MessageField(change.provider() == Provider.SLACK ? "Workspace" : "Account",
                    change.externalName()));
        }
        if (change.statusReason() != null) {
            fields.add(new MessageField("Reason", change.statusReason()));
        }
        return fields;
    }

    private void notify(String eventId, ConnectionChanged change, UUID userId, MessageContent content) {
        UUID id = NotificationIds.derive(eventId, NotificationChannel.IN_APP, "user:" + userId);
        InAppNotificationRequested command = new InAppNotificationRequested(id, change.practiceId(), eventId,
                new SourceRef(SourceKind.INTEGRATION_CONNECTION, connectionId(change)), userId, content,
                change.changedAt() == null ? Instant.now() : change.changedAt());
        events.publishEvent(command);
        reports.publish(Ledger.report(command, DeliveryOutcome.QUEUED, null, null, null, 0, null));
    }

    /** The event names no connection id; one connection is (practice, provider, scope, user), its Kafka key. */
    static UUID connectionId(ConnectionChanged change) {
        return UUID.nameUUIDFromBytes(change.subject().getBytes(StandardCharsets.UTF_8));
    }

    private static String name(Provider provider) {
        return switch (provider) {
            case SLACK -> "Slack";
            case MICROSOFT_TEAMS -> "Microsoft Teams";
            case GMAIL -> "Gmail";
        };
    }
}

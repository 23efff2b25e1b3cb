package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.delivery.DeliveryReports;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DirectoryUser;
import io.switchboard.notifier.projection.Projections.RegisterSettings;

/**
 * N1: turns a correspondence event into one command per concrete target (id from
 * {@link NotificationIds#derive}), each with a QUEUED report, or a NOT_SENT report saying why not. Runs inside
 * the consumer's transaction, so commands and reports go through the outbox with the dedupe row.
 *
 * <p>A newly recorded entry for a staff recipient ("phone message for Sam") also lands in the recipient's in-app
 * inbox (N5), whatever the share targets: the inbox needs no provider, so it is the one place the recipient always
 * sees it. Not when the author is the recipient, and not again when the entry is shared later.
 */
@Component
public class Router {

    private final Projections projections;
    private final ApplicationEventPublisher events;
    private final DeliveryReports reports;
    private final String publicUrl;

    public Router(Projections projections, ApplicationEventPublisher events, DeliveryReports reports,
                  @Value("${switchboard.public-url:http://localhost:8080}") String publicUrl) {
        this.projections = projections;
        this.events = events;
        this.reports = reports;
        this.publicUrl = publicUrl;
    }

    /**
     * What one event asks for; the practice default when {@code targets} is empty.
     *
     * @param newEntry the entry was just recorded (its recipient gets an inbox item), not shared again later
     */
    public record Routing(String sourceEventId, Instant requestedAt, UUID practiceId, UUID entryId,
                          CorrespondenceDetails entry, List<ShareTarget> targets, boolean newEntry) {
    }

    private record Context(Routing routing, SourceRef source, MessageContent content, String emailSubject,
                           RegisterSettings settings, Set<UUID> emitted) {
    }

    public void route(Routing routing) {
        RegisterSettings settings = projections.registerSettings(routing.practiceId());
        String loggedBy = projections.user(routing.practiceId(), routing.entry().authorUserId())
                .map(DirectoryUser::displayName).orElse("a colleague");
        Context ctx = new Context(routing, SourceRef.correspondenceEntry(routing.entryId()),
                CorrespondenceMessages.content(publicUrl, routing.entryId(), routing.entry(), loggedBy),
                CorrespondenceMessages.emailSubject(routing.entry()), settings, new LinkedHashSet<>());
        List<ShareTarget> targets = routing.targets().isEmpty() ? List.of(ShareTarget.practiceDefault()) : routing.targets();
        for (ShareTarget target : targets) {
            route(ctx, target);
        }
        UUID recipient = routing.entry().recipientUserId();
        if (routing.newEntry() && recipient != null && !recipient.equals(routing.entry().authorUserId())) {
            inbox(ctx, recipient);
        }
    }

    private void inbox(Context ctx, UUID userId) {
        String key = "user:" + userId;
        Optional<DirectoryUser> user = projections.user(ctx.routing().practiceId(), userId);
        if (user.isEmpty()) {
            notSent(ctx, NotificationChannel.IN_APP, key, "inbox:" + userId, DeliveryReason.USER_NOT_FOUND,
                    "the user is not in the practice directory");
        } else if (!user.get().active()) {
            notSent(ctx, NotificationChannel.IN_APP, key, "inbox:" + userId, DeliveryReason.USER_INACTIVE,
                    "the user is inactive");
        } else {
            UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.IN_APP, key);
            emit(ctx, new InAppNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                    ctx.source(), userId, ctx.content(), ctx.routing().requestedAt()));
        }
    }

    private void route(Context ctx, ShareTarget target) {
        switch (target.kind()) {
            case USE_PRACTICE_DEFAULT -> practiceDefault(ctx);
            case EMAIL -> {
                for (UUID userId : target.userIds()) {
                    emailToUser(ctx, userId);
                }
                if (target.emailAddress() != null) {
                    emailToAddress(ctx, target.emailAddress());
                }
            }
            case CHANNEL -> chatChannel(ctx, target.provider(), target.channel(), null);
            case DIRECT_MESSAGE -> directMessage(ctx, target.provider(), target.userIds().get(0));
            case MENTION -> {
                ChannelRef channel = target.channel() != null ? target.channel() : defaultChannel(ctx.settings());
                ChatProvider provider = target.provider() != null ? target.provider() : ctx.settings().provider();
                List<String> mentions = new ArrayList<>();
                for (UUID userId : target.userIds()) {
                    projections.user(ctx.routing().practiceId(), userId)
                            .map(DirectoryUser::slackUserId)
                            .ifPresent(id -> mentions.add("<@" + id + ">"));
                }
                chatChannel(ctx, provider, channel, mentions.isEmpty() ? null : String.join(" ", mentions));
            }
        }
    }

    /** P5: the register's delivery mode; EMAIL_ONLY (to the recipient) when nothing is configured. */
    private void practiceDefault(Context ctx) {
        DeliveryMode mode = ctx.settings().mode();
        if (mode == DeliveryMode.EMAIL_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            UUID recipient = ctx.routing().entry().recipientUserId();
            if (recipient == null) {
                notSent(ctx, NotificationChannel.EMAIL, "recipient", "the entry's recipient",
                        DeliveryReason.USER_NOT_FOUND, "the entry has no recipient to email");
            } else {
                emailToUser(ctx, recipient);
            }
        }
        if (mode == DeliveryMode.CHAT_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            chatChannel(ctx, ctx.settings().provider(), defaultChannel(ctx.settings()), null);
        }
    }

    private static ChannelRef defaultChannel(RegisterSettings settings) {
        return settings.channelId() == null ? null
                : new ChannelRef(settings.channelId(), settings.channelName() == null ? settings.channelId() : settings.channelName(), null);
    }

    private void emailToUser(Context ctx, UUID userId) {
        Optional<DirectoryUser> user = projections.user(ctx.routing().practiceId(), userId);
        String key = "user:" + userId;
        if (user.isEmpty()) {
            notSent(ctx, NotificationChannel.EMAIL, key, "user " + userId, DeliveryReason.USER_NOT_FOUND,
                    "the user is not in the practice directory");
        } else if (!user.get().active()) {
            notSent(ctx, NotificationChannel.EMAIL, key, user.get().email(), DeliveryReason.USER_INACTIVE,
                    "the user is inactive");
        } else {
            emailToAddress(ctx, user.get().email());
        }
    }

    private void emailToAddress(Context ctx, String address) {
        String normalized = address.trim();
        String key = "email:" + normalized.toLowerCase(Locale.ROOT);
        if (normalized.indexOf('@') <= 0) {
            notSent(ctx, NotificationChannel.EMAIL, key, normalized.isEmpty() ? "(empty)" : normalized,
                    DeliveryReason.INVALID_ADDRESS, "not an email address");
            return;
        }
        UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.EMAIL, key);
        emit(ctx, new EmailNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                ctx.source(), List.of(normalized), ctx.emailSubject(), null, ctx.content(), ctx.routing().requestedAt()));
    }

    private void chatChannel(Context ctx, ChatProvider provider, ChannelRef channel, String mentions) {
        if (channel == null) {
            notSent(ctx, provider == ChatProvider.TEAMS ? NotificationChannel.TEAMS : NotificationChannel.SLACK,
                    "default-channel", "the practice's default channel", DeliveryReason.NO_CHANNEL_CONFIGURED,
                    "chat delivery is selected but no channel is configured");
            return;
        }
        String key = "channel:" + channel.id();
        String label = "#" + channel.name().replaceFirst("^#", "");
        if (provider != ChatProvider.SLACK) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.PROVIDER_DISCONNECTED,
                    "Teams delivery is not available in this notifier");
            return;
        }
        if (!ctx.settings().slackConnected()) {
            notSent(ctx, NotificationChannel.SLACK, key, label, DeliveryReason.PROVIDER_DISCONNECTED,
                    "Slack is not connected for the practice");
            return;
        }
        MessageContent content = mentions == null ? ctx.content() : new MessageContent(ctx.content().title(),
                mentions + (ctx.content().text() == null ? "" : "\n" + ctx.content().text()),
                ctx.content().fields(), ctx.content().linkUrl(), ctx.content().linkLabel());
        UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.SLACK, key);
        emit(ctx, new SlackNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                ctx.source(), channel.id(), channel.name(), null, content, ctx.routing().requestedAt()));
    }

    private void directMessage(Context ctx, ChatProvider provider, UUID userId) {
        String key = "user:" + userId;
        if (provider != ChatProvider.SLACK) {
            notSent(ctx, NotificationChannel.TEAMS, key, "user " + userId, DeliveryReason.PROVIDER_DISCONNECTED,
                    "Teams delivery is not available in this notifier");
            return;
        }
        Optional<DirectoryUser> user = projections.user(ctx.routing().practiceId(), userId);
        if (user.isEmpty()) {
            notSent(ctx, NotificationChannel.SLACK, key, "user " + userId, DeliveryReason.USER_NOT_FOUND,
                    "the user is not in the practice directory");
        } else if (!user.get().active()) {
            notSent(ctx, NotificationChannel.SLACK, key, user.get().displayName(), DeliveryReason.USER_INACTIVE,
                    "the user is inactive");
        } else if (user.get().slackUserId() == null) {
            notSent(ctx, NotificationChannel.SLACK, key, user.get().displayName(), DeliveryReason.USER_NOT_CONNECTED,
                    "the user has no linked Slack account");
        } else if (!ctx.settings().slackConnected()) {
            notSent(ctx, NotificationChannel.SLACK, key, user.get().displayName(), DeliveryReason.PROVIDER_DISCONNECTED,
                    "Slack is not connected for the practice");
        } else {
            String slackKey = "dm:" + user.get().slackUserId();
            UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.SLACK, slackKey);
            emit(ctx, new SlackNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                    ctx.source(), null, null, user.get().slackUserId(), ctx.content(), ctx.routing().requestedAt()));
        }
    }

    private void emit(Context ctx, NotificationRequest command) {
        if (!ctx.emitted().add(command.notificationId())) {
            return;
        }
        events.publishEvent(command);
        reports.publish(Ledger.report(command, DeliveryOutcome.QUEUED, null, null, null, 0, null));
    }

    private void notSent(Context ctx, NotificationChannel channel, String targetKey, String label,
                         DeliveryReason reason, String text) {
        UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), channel, targetKey);
        if (!ctx.emitted().add(id)) {
            return;
        }
        reports.publish(new DeliveryReported(id, ctx.routing().practiceId(), channel, label, ctx.source(),
                ctx.routing().sourceEventId(), DeliveryOutcome.NOT_SENT, reason, text, null, 0,
                ctx.routing().requestedAt(), Instant.now()));
    }
}

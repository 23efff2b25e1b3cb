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
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Provider;
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
import io.switchboard.contracts.notification.TeamsMention;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
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

    static final String PROFILE_PATH = "/profile";

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
     * @param newEntry      the entry was just recorded (its recipient gets an inbox item), not shared again later
     * @param sharingUserId who shared it (the author when recorded, the sharer later): a Teams post is sent with
     *                      this user's own Microsoft connection
     */
    public record Routing(String sourceEventId, Instant requestedAt, UUID practiceId, UUID entryId,
                          CorrespondenceDetails entry, List<ShareTarget> targets, boolean newEntry,
                          UUID sharingUserId) {
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
            case CHANNEL -> {
                ChatProvider provider = provider(ctx, target);
                chat(ctx, provider, channel(ctx, provider, target.channel()), List.of());
            }
            case DIRECT_MESSAGE -> {
                ChatProvider provider = provider(ctx, target);
                if (provider == ChatProvider.TEAMS) {
                    // Graph posts channel messages with a user's delegated token; a "Teams DM" from the register is
                    // the seeds' "@mention a user": a message in the default channel that mentions them.
                    chat(ctx, provider, channel(ctx, provider, null), target.userIds());
                } else {
                    directMessage(ctx, target.userIds().get(0));
                }
            }
            case MENTION -> {
                ChatProvider provider = provider(ctx, target);
                chat(ctx, provider, channel(ctx, provider, target.channel()), target.userIds());
            }
        }
    }

    /** The target's chat tool, else the practice default's, else Slack. */
    private static ChatProvider provider(Context ctx, ShareTarget target) {
        if (target.provider() != null) {
            return target.provider();
        }
        return ctx.settings().provider() != null ? ctx.settings().provider() : ChatProvider.SLACK;
    }

    /** The override channel, else the practice default channel when it belongs to the same chat tool. */
    private static ChannelRef channel(Context ctx, ChatProvider provider, ChannelRef override) {
        if (override != null) {
            return override;
        }
        return ctx.settings().provider() == provider ? defaultChannel(ctx.settings()) : null;
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
            ChatProvider provider = ctx.settings().provider() == null ? ChatProvider.SLACK : ctx.settings().provider();
            chat(ctx, provider, defaultChannel(ctx.settings()), List.of());
        }
    }

    private static ChannelRef defaultChannel(RegisterSettings settings) {
        return settings.channelId() == null ? null
                : new ChannelRef(settings.channelId(), settings.channelName() == null ? settings.channelId() : settings.channelName(),
                        settings.teamId());
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

    private void chat(Context ctx, ChatProvider provider, ChannelRef channel, List<UUID> mentioned) {
        if (channel == null) {
            notSent(ctx, provider == ChatProvider.TEAMS ? NotificationChannel.TEAMS : NotificationChannel.SLACK,
                    "default-channel", "the practice's default channel", DeliveryReason.NO_CHANNEL_CONFIGURED,
                    "chat delivery is selected but no channel is configured");
        } else if (provider == ChatProvider.TEAMS) {
            teamsChannel(ctx, channel, mentioned);
        } else {
            List<String> mentions = new ArrayList<>();
            for (UUID userId : mentioned) {
                projections.user(ctx.routing().practiceId(), userId)
                        .map(DirectoryUser::slackUserId)
                        .ifPresent(id -> mentions.add("<@" + id + ">"));
            }
            slackChannel(ctx, channel, mentions.isEmpty() ? null : String.join(" ", mentions));
        }
    }

    private void slackChannel(Context ctx, ChannelRef channel, String mentions) {
        String key = "channel:" + channel.id();
        String label = "#" + channel.name().replaceFirst("^#", "");
        if (ctx.settings().slackBroken()) {
            notSent(ctx, NotificationChannel.SLACK, key, label, DeliveryReason.CONNECTION_NEEDS_REAUTH,
                    "the Slack connection needs re-authorising by a practice admin");
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

    /**
     * N3: a Teams channel message, posted with the sharing user's own (delegated) Microsoft connection. Whether
     * that user has connected is known here from the connection projection, so an unconnected sender is reported
     * NOT_SENT at routing time, in the same transaction as an in-app nudge to connect — nothing waits in a queue
     * to fail later, and nothing is silent.
     */
    private void teamsChannel(Context ctx, ChannelRef channel, List<UUID> mentioned) {
        String label = "#" + channel.name().replaceFirst("^#", "");
        List<UUID> sortedMentioned = mentioned.stream().distinct().sorted().toList();
        String key = "channel:" + channel.teamId() + "/" + channel.id()
                + (sortedMentioned.isEmpty() ? "" : "|mention:" + sortedMentioned.stream().map(UUID::toString)
                        .reduce((a, b) -> a + "," + b).orElseThrow());
        if (channel.teamId() == null) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.NO_CHANNEL_CONFIGURED,
                    "the Teams channel has no team");
            return;
        }
        if (!ctx.settings().teamsConnected()) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.PROVIDER_DISCONNECTED,
                    "Teams is not connected for the practice");
            return;
        }
        UUID senderId = ctx.routing().sharingUserId();
        Optional<DirectoryUser> sender = projections.user(ctx.routing().practiceId(), senderId);
        if (sender.isEmpty()) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.USER_NOT_FOUND,
                    "the sharing user is not in the practice directory");
            return;
        }
        if (!sender.get().active()) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.USER_INACTIVE,
                    sender.get().displayName() + " is inactive");
            return;
        }
        ConnectionStatus connection = projections.connection(ctx.routing().practiceId(), Provider.MICROSOFT_TEAMS,
                senderId).orElse(ConnectionStatus.DISCONNECTED);
        if (connection != ConnectionStatus.CONNECTED) {
            boolean broken = connection == ConnectionStatus.BROKEN;
            notSent(ctx, NotificationChannel.TEAMS, key, label,
                    broken ? DeliveryReason.CONNECTION_NEEDS_REAUTH : DeliveryReason.USER_NOT_CONNECTED,
                    broken ? sender.get().displayName() + "'s Microsoft connection needs re-authorising"
                            : sender.get().displayName() + " has not connected Teams");
            connectTeamsNudge(ctx, sender.get(), label, broken);
            return;
        }
        List<TeamsMention> mentions = new ArrayList<>();
        for (UUID userId : sortedMentioned) {
            Optional<DirectoryUser> user = projections.user(ctx.routing().practiceId(), userId);
            String mentionKey = key + "|user:" + userId;
            if (user.isEmpty()) {
                notSent(ctx, NotificationChannel.TEAMS, mentionKey, "@user " + userId, DeliveryReason.USER_NOT_FOUND,
                        "the user to mention is not in the practice directory");
            } else if (!user.get().active()) {
                notSent(ctx, NotificationChannel.TEAMS, mentionKey, "@" + user.get().displayName(),
                        DeliveryReason.USER_INACTIVE, "the user to mention is inactive");
            } else if (user.get().microsoftUserId() == null) {
                notSent(ctx, NotificationChannel.TEAMS, mentionKey, "@" + user.get().displayName(),
                        DeliveryReason.USER_NOT_FOUND, user.get().displayName() + " has no Microsoft account to mention");
            } else {
                mentions.add(new TeamsMention(user.get().microsoftUserId(), user.get().displayName()));
            }
        }
        if (!sortedMentioned.isEmpty() && mentions.isEmpty()) {
            // Everyone it was meant to reach was reported above; a message mentioning nobody is not what was asked.
            return;
        }
        UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.TEAMS, key);
        emit(ctx, new TeamsNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                ctx.source(), channel.teamId(), channel.id(), channel.name(), mentions, senderId, ctx.content(),
                ctx.routing().requestedAt()));
    }

    /** Tells the sharing user, in their inbox, why their Teams share did not go and what fixes it (P3). */
    private void connectTeamsNudge(Context ctx, DirectoryUser sender, String channelLabel, boolean broken) {
        String title = broken ? "Reconnect your Microsoft account to share to Teams"
                : "Connect your Microsoft account to share to Teams";
        String text = "\"" + ctx.content().title() + "\" was not posted to " + channelLabel + " in Teams because "
                + (broken ? "your Microsoft connection needs re-authorising." : "you have not connected Teams yet.")
                + " Connect Teams in My Profile, then share the entry again.";
        UUID id = NotificationIds.derive(ctx.routing().sourceEventId(), NotificationChannel.IN_APP,
                "connect-teams:user:" + sender.userId());
        emit(ctx, new InAppNotificationRequested(id, ctx.routing().practiceId(), ctx.routing().sourceEventId(),
                ctx.source(), sender.userId(), new MessageContent(title, text, List.of(),
                        publicUrl.replaceAll("/+$", "") + PROFILE_PATH, "My Profile"),
                ctx.routing().requestedAt()));
    }

    private void directMessage(Context ctx, UUID userId) {
        String key = "user:" + userId;
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
        } else if (ctx.settings().slackBroken()) {
            notSent(ctx, NotificationChannel.SLACK, key, user.get().displayName(), DeliveryReason.CONNECTION_NEEDS_REAUTH,
                    "the Slack connection needs re-authorising by a practice admin");
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

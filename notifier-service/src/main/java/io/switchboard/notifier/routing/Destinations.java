package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.ConnectionStatus;
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
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.TeamsMention;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
import io.switchboard.notifier.delivery.DeliveryReports;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DeliverySettings;
import io.switchboard.notifier.projection.Projections.DirectoryUser;

/**
 * The concrete targets every routing strategy shares (N1): an inbox item, an email to a user or address, a Slack or
 * Teams channel post (with mentions), a Slack DM. Each either emits one command with a QUEUED report — its id
 * {@link NotificationIds#derive derived} from the source event, the channel and the target key — or a NOT_SENT
 * report saying why not; never nothing. Runs inside the routing consumer's transaction, so commands and reports go
 * through the outbox with its dedupe row.
 */
@Component
class Destinations {

    static final String PROFILE_PATH = "/profile";

    private final Projections projections;
    private final ApplicationEventPublisher events;
    private final DeliveryReports reports;
    private final String publicUrl;

    Destinations(Projections projections, ApplicationEventPublisher events, DeliveryReports reports,
                 @Value("${switchboard.public-url:http://localhost:8080}") String publicUrl) {
        this.projections = projections;
        this.events = events;
        this.reports = reports;
        this.publicUrl = publicUrl;
    }

    void inbox(Dispatch ctx, UUID userId) {
        String key = "user:" + userId;
        Optional<DirectoryUser> user = projections.user(ctx.practiceId(), userId);
        if (user.isEmpty()) {
            notSent(ctx, NotificationChannel.IN_APP, key, "inbox:" + userId, DeliveryReason.USER_NOT_FOUND,
                    "the user is not in the practice directory");
        } else if (!user.get().active()) {
            notSent(ctx, NotificationChannel.IN_APP, key, "inbox:" + userId, DeliveryReason.USER_INACTIVE,
                    "the user is inactive");
        } else {
            UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.IN_APP, key);
            emit(ctx, new InAppNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                    ctx.source(), userId, ctx.content(), ctx.requestedAt()));
        }
    }

    static ChannelRef defaultChannel(DeliverySettings settings) {
        return settings.channelId() == null ? null
                : new ChannelRef(settings.channelId(), settings.channelName() == null ? settings.channelId() : settings.channelName(),
                        settings.teamId());
    }

    void emailToUser(Dispatch ctx, UUID userId) {
        Optional<DirectoryUser> user = projections.user(ctx.practiceId(), userId);
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

    void emailToAddress(Dispatch ctx, String address) {
        String normalized = address.trim();
        String key = "email:" + normalized.toLowerCase(Locale.ROOT);
        if (normalized.indexOf('@') <= 0) {
            notSent(ctx, NotificationChannel.EMAIL, key, normalized.isEmpty() ? "(empty)" : normalized,
                    DeliveryReason.INVALID_ADDRESS, "not an email address");
            return;
        }
        UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.EMAIL, key);
        emit(ctx, new EmailNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                ctx.source(), List.of(normalized), ctx.emailSubject(), ctx.emailSender(), ctx.content(), ctx.requestedAt()));
    }

    void chat(Dispatch ctx, ChatProvider provider, ChannelRef channel, List<UUID> mentioned) {
        if (channel == null) {
            notSent(ctx, provider == ChatProvider.TEAMS ? NotificationChannel.TEAMS : NotificationChannel.SLACK,
                    "default-channel", "the practice's default channel", DeliveryReason.NO_CHANNEL_CONFIGURED,
                    "chat delivery is selected but no channel is configured");
        } else if (provider == ChatProvider.TEAMS) {
            teamsChannel(ctx, channel, mentioned);
        } else {
            List<String> mentions = new ArrayList<>();
            for (UUID userId : mentioned) {
                projections.user(ctx.practiceId(), userId)
                        .map(DirectoryUser::slackUserId)
                        .ifPresent(id -> mentions.add("<@" + id + ">"));
            }
            slackChannel(ctx, channel, mentions.isEmpty() ? null : String.join(" ", mentions));
        }
    }

    private void slackChannel(Dispatch ctx, ChannelRef channel, String mentions) {
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
        UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.SLACK, key);
        emit(ctx, new SlackNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                ctx.source(), channel.id(), channel.name(), null, ctx.slackContent(content), ctx.requestedAt()));
    }

    /**
     * N3: a Teams channel message, posted with the sharing user's own (delegated) Microsoft connection. Whether
     * that user has connected is known here from the connection projection, so an unconnected sender is reported
     * NOT_SENT at routing time, in the same transaction as an in-app nudge to connect — nothing waits in a queue
     * to fail later, and nothing is silent.
     */
    private void teamsChannel(Dispatch ctx, ChannelRef channel, List<UUID> mentioned) {
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
        UUID senderId = ctx.teamsSender();
        if (senderId == null) {
            notSent(ctx, NotificationChannel.TEAMS, key, label, DeliveryReason.USER_NOT_CONNECTED,
                    "no staff user to post to Teams as (Teams posts with a staff user's own Microsoft connection)");
            return;
        }
        Optional<DirectoryUser> sender = projections.user(ctx.practiceId(), senderId);
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
        ConnectionStatus connection = projections.connection(ctx.practiceId(), Provider.MICROSOFT_TEAMS,
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
            Optional<DirectoryUser> user = projections.user(ctx.practiceId(), userId);
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
        UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.TEAMS, key);
        emit(ctx, new TeamsNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                ctx.source(), channel.teamId(), channel.id(), channel.name(), mentions, senderId, ctx.content(),
                ctx.requestedAt()));
    }

    /** Tells the sharing user, in their inbox, why their Teams share did not go and what fixes it (P3). */
    private void connectTeamsNudge(Dispatch ctx, DirectoryUser sender, String channelLabel, boolean broken) {
        String title = broken ? "Reconnect your Microsoft account to share to Teams"
                : "Connect your Microsoft account to share to Teams";
        String text = "\"" + ctx.content().title() + "\" was not posted to " + channelLabel + " in Teams because "
                + (broken ? "your Microsoft connection needs re-authorising." : "you have not connected Teams yet.")
                + (ctx.source().kind() == SourceKind.CORRESPONDENCE_ENTRY
                        ? " Connect Teams in My Profile, then share the entry again."
                        : " Connect Teams in My Profile so later notifications reach Teams.");
        UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.IN_APP,
                "connect-teams:user:" + sender.userId());
        emit(ctx, new InAppNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                ctx.source(), sender.userId(), new MessageContent(title, text, List.of(),
                        publicUrl.replaceAll("/+$", "") + PROFILE_PATH, "My Profile"),
                ctx.requestedAt()));
    }

    void directMessage(Dispatch ctx, UUID userId) {
        String key = "user:" + userId;
        Optional<DirectoryUser> user = projections.user(ctx.practiceId(), userId);
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
            UUID id = NotificationIds.derive(ctx.sourceEventId(), NotificationChannel.SLACK, slackKey);
            emit(ctx, new SlackNotificationRequested(id, ctx.practiceId(), ctx.sourceEventId(),
                    ctx.source(), null, null, user.get().slackUserId(), ctx.slackContent(ctx.content()),
                    ctx.requestedAt()));
        }
    }

    void emit(Dispatch ctx, NotificationRequest command) {
        if (!ctx.emitted().add(command.notificationId())) {
            return;
        }
        events.publishEvent(command);
        reports.publish(Ledger.report(command, DeliveryOutcome.QUEUED, null, null, null, 0, null));
    }

    void notSent(Dispatch ctx, NotificationChannel channel, String targetKey, String label,
                         DeliveryReason reason, String text) {
        UUID id = NotificationIds.derive(ctx.sourceEventId(), channel, targetKey);
        if (!ctx.emitted().add(id)) {
            return;
        }
        reports.publish(new DeliveryReported(id, ctx.practiceId(), channel, label, ctx.source(),
                ctx.sourceEventId(), DeliveryOutcome.NOT_SENT, reason, text, null, 0,
                ctx.requestedAt(), Instant.now()));
    }

}

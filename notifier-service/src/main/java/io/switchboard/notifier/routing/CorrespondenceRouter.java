package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DeliverySettings;
import io.switchboard.notifier.projection.Projections.DirectoryUser;

/**
 * N1, the routing strategy for correspondence entries: turns a correspondence event into one command per concrete
 * target (id from {@link NotificationIds#derive}), each with a QUEUED report, or a NOT_SENT report saying why not
 * (through {@link Destinations}). Runs inside the consumer's transaction, so commands and reports go through the
 * outbox with the dedupe row.
 *
 * <p>A newly recorded entry for a staff recipient ("phone message for Sam") also lands in the recipient's in-app
 * inbox (N5), whatever the share targets: the inbox needs no provider, so it is the one place the recipient always
 * sees it. Not when the author is the recipient, and not again when the entry is shared later.
 *
 * <p>G4: the emails of an {@code EMAIL_OUT} entry (a "new email" written in the register) <em>are</em> that email:
 * its subject and text, sent as the user who wrote it (or, for a later share, who shared it) — through their own
 * Gmail when connected, so it sits in their Sent items, else by SMTP with the report saying why. Every other entry's
 * email share is a notice about a record and keeps coming from the practice's notification address.
 *
 * <p>A phone message's Slack posts carry a "Mark as actioned" button; once the entry is actioned (there or in the
 * app), {@link #actioned} edits those posts.
 */
@Component
class CorrespondenceRouter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CorrespondenceRouter.class);

    private final Projections projections;
    private final Destinations destinations;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    CorrespondenceRouter(Projections projections, Destinations destinations, Ledger ledger,
                         ApplicationEventPublisher events,
                         @Value("${switchboard.public-url:http://localhost:8080}") String publicUrl) {
        this.projections = projections;
        this.destinations = destinations;
        this.ledger = ledger;
        this.events = events;
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

    public void route(Routing routing) {
        DeliverySettings settings = projections.registerSettings(routing.practiceId());
        String loggedBy = projections.user(routing.practiceId(), routing.entry().authorUserId())
                .map(DirectoryUser::displayName).orElse("a colleague");
        Dispatch ctx = Dispatch.of(routing.sourceEventId(), routing.requestedAt(), routing.practiceId(),
                SourceRef.correspondenceEntry(routing.entryId()),
                CorrespondenceMessages.content(publicUrl, routing.entryId(), routing.entry(), loggedBy),
                CorrespondenceMessages.emailSubject(routing.entry()), settings, routing.sharingUserId());
        if (routing.entry().entryType() == CorrespondenceType.PHONE_MESSAGE) {
            // A phone message is something to act on: its Slack posts carry the "Mark as actioned" button.
            ctx = ctx.withSlackActions(List.of(MessageAction.markActioned(routing.entryId())));
        }
        Dispatch email = routing.entry().entryType() == CorrespondenceType.EMAIL_OUT
                ? ctx.with(CorrespondenceMessages.authoredEmail(routing.entry()), routing.entry().entrySubject())
                        .sentAs(routing.sharingUserId())
                : ctx;
        List<ShareTarget> targets = routing.targets().isEmpty() ? List.of(ShareTarget.practiceDefault()) : routing.targets();
        for (ShareTarget target : targets) {
            route(ctx, email, target, routing.entry().recipientUserId());
        }
        UUID recipient = routing.entry().recipientUserId();
        if (routing.newEntry() && recipient != null && !recipient.equals(routing.entry().authorUserId())) {
            destinations.inbox(ctx, recipient);
        }
    }

    /**
     * An entry was marked as actioned: every Slack post issued about it (delivered or still queued; not failed, not an
     * edit) is edited — same channel or DM, so it is paced and ordered behind the post on the same pace key — to say
     * who actioned it and when, without its buttons, so nobody acts on it twice. Each edit's id is derived from the
     * event and the post's id: a redelivered event yields the same ids, which the ledger already holds. Edits are not
     * deliveries of their own and get no QUEUED report (see {@link io.switchboard.notifier.delivery.Ledger#complete}).
     *
     * <p>Found through the delivery ledger, which the Slack worker fills as it accepts commands: a post whose command
     * the worker has not accepted yet when the entry is actioned (within moments of sharing it) keeps its button.
     */
    public void actioned(String sourceEventId, Instant requestedAt, CorrespondenceActioned actioned) {
        List<Ledger.SlackPost> posts = ledger.slackPostsAbout(actioned.practiceId(), actioned.entryId());
        if (posts.isEmpty()) {
            return;
        }
        DeliverySettings settings = projections.registerSettings(actioned.practiceId());
        if (settings.slackBroken() || !settings.slackConnected()) {
            // The edits could only fail; the posts keep their button (pressing it again changes nothing).
            log.info("entry {} actioned: {} Slack post(s) not edited, Slack is {}", actioned.entryId(), posts.size(),
                    settings.slackBroken() ? "broken" : "not connected");
            return;
        }
        String actionedBy = projections.user(actioned.practiceId(), actioned.actionedByUserId())
                .map(DirectoryUser::displayName).orElse("a colleague");
        for (Ledger.SlackPost post : posts) {
            SlackNotificationRequested original = post.command();
            UUID id = NotificationIds.derive(sourceEventId, NotificationChannel.SLACK, "updates:" + post.notificationId());
            events.publishEvent(new SlackNotificationRequested(id, original.practiceId(), sourceEventId,
                    original.source(), original.channelId(), original.channelName(), original.slackUserId(),
                    CorrespondenceMessages.actioned(original.content(), actionedBy, actioned.actionedAt(), actioned.via()),
                    requestedAt, post.notificationId()));
        }
    }

    /** @param email the dispatch for email targets (an EMAIL_OUT entry's own email), {@code ctx} for the rest */
    private void route(Dispatch ctx, Dispatch email, ShareTarget target, UUID recipient) {
        switch (target.kind()) {
            case USE_PRACTICE_DEFAULT -> practiceDefault(ctx, email, recipient);
            case EMAIL -> {
                for (UUID userId : target.userIds()) {
                    destinations.emailToUser(email, userId);
                }
                if (target.emailAddress() != null) {
                    destinations.emailToAddress(email, target.emailAddress());
                }
            }
            case CHANNEL -> {
                ChatProvider provider = provider(ctx, target);
                destinations.chat(ctx, provider, channel(ctx, provider, target.channel()), List.of());
            }
            case DIRECT_MESSAGE -> {
                ChatProvider provider = provider(ctx, target);
                if (provider == ChatProvider.TEAMS) {
                    // Graph posts channel messages with a user's delegated token; a "Teams DM" from the register is
                    // the seeds' "@mention a user": a message in the default channel that mentions them.
                    destinations.chat(ctx, provider, channel(ctx, provider, null), target.userIds());
                } else {
                    destinations.directMessage(ctx, target.userIds().get(0));
                }
            }
            case MENTION -> {
                ChatProvider provider = provider(ctx, target);
                destinations.chat(ctx, provider, channel(ctx, provider, target.channel()), target.userIds());
            }
        }
    }

    /** The target's chat tool, else the practice default's, else Slack. */
    private static ChatProvider provider(Dispatch ctx, ShareTarget target) {
        if (target.provider() != null) {
            return target.provider();
        }
        return ctx.settings().provider() != null ? ctx.settings().provider() : ChatProvider.SLACK;
    }

    /** The override channel, else the practice default channel when it belongs to the same chat tool. */
    private static ChannelRef channel(Dispatch ctx, ChatProvider provider, ChannelRef override) {
        if (override != null) {
            return override;
        }
        return ctx.settings().provider() == provider ? Destinations.defaultChannel(ctx.settings()) : null;
    }

    /** P5: the register's delivery mode; EMAIL_ONLY (to the recipient) when nothing is configured. */
    private void practiceDefault(Dispatch ctx, Dispatch email, UUID recipient) {
        DeliveryMode mode = ctx.settings().mode();
        if (mode == DeliveryMode.EMAIL_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            if (recipient == null) {
                destinations.notSent(email, NotificationChannel.EMAIL, "recipient", "the entry's recipient",
                        DeliveryReason.USER_NOT_FOUND, "the entry has no recipient to email");
            } else {
                destinations.emailToUser(email, recipient);
            }
        }
        if (mode == DeliveryMode.CHAT_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            ChatProvider provider = ctx.settings().provider() == null ? ChatProvider.SLACK : ctx.settings().provider();
            destinations.chat(ctx, provider, Destinations.defaultChannel(ctx.settings()), List.of());
        }
    }
}

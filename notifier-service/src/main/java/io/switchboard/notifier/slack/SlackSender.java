package io.switchboard.notifier.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.notifier.delivery.SendReceipt;

/**
 * Posts a Block Kit message with the real {@code slack-api-client}: {@code chat.postMessage} to a channel, or
 * {@code conversations.open} then {@code chat.postMessage} for a DM; a command that
 * {@link SlackNotificationRequested#updatesNotificationId updates} an earlier notification edits that post with
 * {@code chat.update} (the conversation and ts the ledger kept). Slack's errors map to {@link DeliveryReason}, the
 * same for both.
 */
@Component
public class SlackSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);

    /** How long an edit waits before looking again whether the post it edits has been sent. */
    static final Duration WAIT_FOR_ORIGINAL = Duration.ofSeconds(1);

    private final Slack slack;
    private final SlackTokens tokens;
    private final Ledger ledger;

    /** @param ledger where an edit finds the post it changes (its conversation and ts); posts do not read it */
    public SlackSender(SlackTokens tokens, Ledger ledger,
                       @Value("${switchboard.slack.api-base:http://localhost:8090}") String apiBase) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBase.replaceAll("/+$", "") + "/api/");
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.tokens = tokens;
        this.ledger = ledger;
    }

    @jakarta.annotation.PreDestroy
    void close() throws Exception {
        slack.close();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SLACK;
    }

    /** The practice's bot token, before the row is claimed ({@link SlackTokens#prefetch}). */
    @Override
    public void prepare(NotificationRequest request) {
        tokens.prefetch(((SlackNotificationRequested) request).practiceId());
    }

    @Override
    public SendReceipt send(NotificationRequest request) {
        SlackNotificationRequested command = (SlackNotificationRequested) request;
        Ledger.SlackPost original = null;
        if (command.updatesNotificationId() != null) {
            Optional<Ledger.SlackPost> found = ledger.slackPost(command.practiceId(), command.updatesNotificationId());
            if (found.isEmpty()) {
                return SendReceipt.notSent(null, "nothing to edit: notification " + command.updatesNotificationId()
                        + " is not a Slack post of this practice");
            }
            original = found.get();
            switch (original.status()) {
                case "PENDING", "SENDING" -> {
                    // Queued on the same pace key, but not yet due (a retry after a 429): edit it once it is posted.
                    return SendReceipt.waiting(WAIT_FOR_ORIGINAL, "waiting for the post it edits to be sent");
                }
                case "DELIVERED" -> {
                    if (original.ts() == null) {
                        return SendReceipt.notSent(null, "nothing to edit: the post has no Slack ts");
                    }
                }
                default -> {
                    return SendReceipt.notSent(null, "nothing to edit: the post was never delivered ("
                            + original.status() + ")");
                }
            }
        }
        SlackTokens.SlackConnection connection;
        try {
            connection = tokens.connection(command.practiceId());
        } catch (ConnectionUnavailable e) {
            return SendReceipt.permanent(e.reason(), e.reason() == DeliveryReason.CONNECTION_NEEDS_REAUTH
                    ? "the Slack connection needs re-authorising" : "Slack is not connected");
        } catch (RestClientException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE,
                    "connection lookup failed: " + e.getClass().getSimpleName());
        }
        MethodsClient methods = slack.methods(connection.botToken());
        try {
            return original == null ? post(methods, command) : update(methods, command, original);
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                String header = e.getResponse().header("Retry-After");
                long seconds = parse(header);
                return SendReceipt.rateLimited(Duration.ofSeconds(Math.max(1, seconds)), SendReceipt.Scope.TARGET,
                        "HTTP 429, Retry-After " + seconds + "s");
            }
            if (e.getError() != null && e.getError().getError() != null) {
                return slackError(command, e.getError().getError());
            }
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, "HTTP " + status);
        } catch (IOException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, e.getClass().getSimpleName());
        }
    }

    private SendReceipt post(MethodsClient methods, SlackNotificationRequested command)
            throws IOException, SlackApiException {
        String channel = command.channelId();
        if (channel == null) {
            ConversationsOpenResponse opened = methods.conversationsOpen(r -> r.users(List.of(command.slackUserId())));
            if (!opened.isOk()) {
                return slackError(command, opened.getError());
            }
            channel = opened.getChannel().getId();
        }
        String target = channel;
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(target)
                .text(SlackMessages.fallback(command.content()))
                .blocks(SlackMessages.blocks(command.content()))
                .unfurlLinks(false));
        if (!posted.isOk()) {
            return slackError(command, posted.getError());
        }
        return SendReceipt.posted(posted.getTs(), posted.getChannel() != null ? posted.getChannel() : target);
    }

    /**
     * {@code chat.update} of the original post: its conversation as Slack answered when posting (for posts from
     * before that was kept: the channel, or the user's DM opened again — Slack gives the same one), and its ts.
     */
    private SendReceipt update(MethodsClient methods, SlackNotificationRequested command, Ledger.SlackPost original)
            throws IOException, SlackApiException {
        String channel = original.providerChannelId() != null ? original.providerChannelId()
                : original.command().channelId();
        if (channel == null) {
            ConversationsOpenResponse opened = methods.conversationsOpen(r -> r.users(
                    List.of(original.command().slackUserId())));
            if (!opened.isOk()) {
                return slackError(command, opened.getError());
            }
            channel = opened.getChannel().getId();
        }
        String target = channel;
        ChatUpdateResponse updated = methods.chatUpdate(r -> r.channel(target)
                .ts(original.ts())
                .text(SlackMessages.fallback(command.content()))
                .blocks(SlackMessages.blocks(command.content())));
        if (!updated.isOk()) {
            return slackError(command, updated.getError());
        }
        return SendReceipt.posted(updated.getTs() != null ? updated.getTs() : original.ts(),
                updated.getChannel() != null ? updated.getChannel() : target);
    }

    private SendReceipt slackError(SlackNotificationRequested command, String error) {
        String code = error == null ? "unknown_error" : error;
        return switch (code) {
            case "channel_not_found" -> SendReceipt.permanent(DeliveryReason.CHANNEL_NOT_FOUND, code);
            case "not_in_channel" -> SendReceipt.permanent(DeliveryReason.NOT_IN_CHANNEL, code);
            case "is_archived" -> SendReceipt.permanent(DeliveryReason.IS_ARCHIVED, code);
            case "invalid_auth", "token_revoked", "account_inactive", "not_authed", "token_expired" -> {
                tokens.forget(command.practiceId());
                yield SendReceipt.permanent(DeliveryReason.CONNECTION_NEEDS_REAUTH, code);
            }
            case "user_not_found", "users_not_found" -> SendReceipt.permanent(DeliveryReason.USER_NOT_FOUND, code);
            case "user_disabled", "cannot_dm_bot" -> SendReceipt.permanent(DeliveryReason.USER_INACTIVE, code);
            case "ratelimited" -> SendReceipt.rateLimited(Duration.ofSeconds(1), SendReceipt.Scope.TARGET, code);
            case "internal_error", "fatal_error", "service_unavailable", "request_timeout" ->
                    SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, code);
            case "message_not_found", "cant_update_message", "edit_window_closed" ->
                    SendReceipt.permanent(DeliveryReason.PROVIDER_ERROR, code);
            case "msg_too_long", "invalid_blocks", "invalid_blocks_format", "no_text", "too_many_attachments" ->
                    SendReceipt.permanent(DeliveryReason.MESSAGE_REJECTED, code);
            default -> {
                log.warn("Slack answered {} for notification {}", code, command.notificationId());
                yield SendReceipt.permanent(DeliveryReason.PROVIDER_ERROR, code);
            }
        };
    }

    private static long parse(String header) {
        try {
            return header == null ? 1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

package io.switchboard.notifier.slack;

import java.io.IOException;
import java.time.Duration;

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
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.notifier.delivery.SendReceipt;

/**
 * Posts a Block Kit message with the real {@code slack-api-client}: {@code chat.postMessage} to a channel, or
 * {@code conversations.open} then {@code chat.postMessage} for a DM. Slack's errors map to {@link DeliveryReason}.
 */
@Component
public class SlackSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);

    private final Slack slack;
    private final SlackTokens tokens;

    public SlackSender(SlackTokens tokens,
                       @Value("${switchboard.slack.api-base:http://localhost:8090}") String apiBase) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBase.replaceAll("/+$", "") + "/api/");
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.tokens = tokens;
    }

    @jakarta.annotation.PreDestroy
    void close() throws Exception {
        slack.close();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SLACK;
    }

    @Override
    public SendReceipt send(NotificationRequest request) {
        SlackNotificationRequested command = (SlackNotificationRequested) request;
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
            String channel = command.channelId();
            if (channel == null) {
                ConversationsOpenResponse opened = methods.conversationsOpen(r -> r.users(java.util.List.of(command.slackUserId())));
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
            return SendReceipt.delivered(posted.getTs());
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

package io.switchboard.sandbox.slack;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.sandbox.ratelimit.RateLimiter;
import tools.jackson.databind.JsonNode;

/**
 * {@code conversations.open} (DM ids {@code D…} stable per user), {@code chat.postMessage} with Slack's
 * checks and limits (per channel about 1/s with a small burst, and a workspace cap) and {@code chat.update}
 * (Tier 3 per workspace). Both chat methods take form-encoded or JSON arguments and check Block Kit blocks
 * ({@link BlockKit}).
 */
@RestController
class SlackChatApi {

    static final String PER_CHANNEL = "post-message-per-channel";
    static final String PER_WORKSPACE = "post-message-per-workspace";
    static final String TIER3 = "tier3";
    /** chat.update is Tier 3 (about 50 per minute), counted per method and workspace as Slack does. */
    static final String UPDATE = "chat-update";

    private static final AtomicLong LAST_TS_MICROS = new AtomicLong();

    private final SlackAuthentication authentication;
    private final SlackWorkspaces workspaces;
    private final RateLimiter limiter;

    SlackChatApi(SlackAuthentication authentication, SlackWorkspaces workspaces, RateLimiter limiter) {
        this.authentication = authentication;
        this.workspaces = workspaces;
        this.limiter = limiter;
    }

    /** The DM id the sandbox gives a user's conversation with the bot. */
    static String dmId(String userId) {
        return "D" + (userId.length() > 1 ? userId.substring(1) : userId);
    }

    @RequestMapping(path = "/api/conversations.open", method = {RequestMethod.GET, RequestMethod.POST})
    OpenResponse open(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        limiter.acquire(SlackEmulator.NAME, TIER3, token.teamId());
        String users = request.getParameter("users");
        if (users == null || users.isBlank()) {
            throw new SlackApiError("users_list_not_supplied");
        }
        String userId = users.split(",")[0].trim();
        boolean known = workspaces.users(token.teamId()).stream().anyMatch(user -> user.id().equals(userId));
        if (!known) {
            throw new SlackApiError("user_not_found");
        }
        return new OpenResponse(true, new ChannelRef(dmId(userId)));
    }

    @RequestMapping(path = "/api/chat.postMessage", method = {RequestMethod.GET, RequestMethod.POST})
    PostResponse postMessage(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        SlackArguments arguments = SlackArguments.of(request);
        String teamId = token.teamId();
        String channelParam = arguments.text("channel");
        if (channelParam == null || channelParam.isBlank()) {
            throw new SlackApiError("channel_not_found");
        }
        String channelId = resolve(teamId, channelParam, token.userId());
        String text = arguments.text("text");
        JsonNode blocks = arguments.blocks();
        if ((text == null || text.isEmpty()) && blocks == null) {
            throw new SlackApiError("no_text");
        }
        limiter.acquire(SlackEmulator.NAME, PER_WORKSPACE, teamId);
        limiter.acquire(SlackEmulator.NAME, PER_CHANNEL, teamId + "/" + channelId);
        SlackMessage message = new SlackMessage(channelId, nextTs(), token.userId(), token.botId(), text, blocks,
                arguments.text("thread_ts"), Instant.now());
        workspaces.addMessage(teamId, message);
        return new PostResponse(true, channelId, message.ts(), MessageView.of(message));
    }

    /**
     * Replaces a message the app posted, keeping its ts: {@code text} and {@code blocks} left out keep their
     * value, and {@code blocks=[]} removes the blocks, as Slack documents. Errors as Slack: {@code channel_not_found}
     * (a channel or DM id is needed, not a user id), {@code message_not_found}, {@code cant_update_message} for a
     * message not posted by this token's bot, {@code no_text}, {@code invalid_blocks}.
     */
    @RequestMapping(path = "/api/chat.update", method = {RequestMethod.GET, RequestMethod.POST})
    UpdateResponse update(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        String teamId = token.teamId();
        limiter.acquire(SlackEmulator.NAME, UPDATE, teamId);
        SlackArguments arguments = SlackArguments.of(request);
        String channelId = arguments.text("channel");
        if (channelId == null || channelId.isBlank() || !isConversation(teamId, channelId.trim(), token.userId())) {
            throw new SlackApiError("channel_not_found");
        }
        String ts = arguments.text("ts");
        SlackMessage current = ts == null ? null : workspaces.message(teamId, channelId.trim(), ts.trim()).orElse(null);
        if (current == null) {
            throw new SlackApiError("message_not_found");
        }
        if (current.botId() == null || !current.botId().equals(token.botId())) {
            throw new SlackApiError("cant_update_message");
        }
        String newText = arguments.text("text");
        JsonNode newBlocks = arguments.hasBlocks() ? arguments.blocks() : current.blocks();
        String text = newText != null ? newText : current.text();
        if ((text == null || text.isEmpty()) && newBlocks == null) {
            throw new SlackApiError("no_text");
        }
        String editTs = nextTs();
        SlackMessage updated = workspaces.replaceMessage(teamId, current.channel(), current.ts(),
                        message -> message.edited(token.userId(), editTs, Instant.now(), text, newBlocks))
                .orElseThrow(() -> new SlackApiError("message_not_found"));
        return new UpdateResponse(true, updated.channel(), updated.ts(), updated.text(), MessageView.of(updated));
    }

    /** A channel of the workspace the bot can see (public, or private with the bot in it), or a member's DM. */
    private boolean isConversation(String teamId, String channelId, String botUserId) {
        Optional<SlackChannel> channel = workspaces.channel(teamId, channelId);
        if (channel.isPresent()) {
            return !channel.get().isPrivate() || channel.get().hasMember(botUserId);
        }
        return workspaces.users(teamId).stream().anyMatch(user -> !user.isBot() && dmId(user.id()).equals(channelId));
    }

    private String resolve(String teamId, String channel, String botUserId) {
        Optional<SlackChannel> found = workspaces.channel(teamId, channel);
        if (found.isPresent()) {
            SlackChannel c = found.get();
            if (c.isArchived()) {
                throw new SlackApiError("is_archived");
            }
            if (!c.hasMember(botUserId)) {
                throw new SlackApiError(c.isPrivate() ? "channel_not_found" : "not_in_channel");
            }
            return c.id();
        }
        return workspaces.users(teamId).stream()
                .filter(user -> !user.isBot())
                .filter(user -> user.id().equals(channel) || dmId(user.id()).equals(channel))
                .map(user -> dmId(user.id()))
                .findFirst()
                .orElseThrow(() -> new SlackApiError("channel_not_found"));
    }

    /** Slack-like ts ({@code 1732350000.000100}), strictly increasing across the sandbox. */
    static String nextTs() {
        long now = System.currentTimeMillis() * 1000;
        long micros = LAST_TS_MICROS.updateAndGet(last -> Math.max(now, last + 1));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    record OpenResponse(boolean ok, ChannelRef channel) {
    }

    record ChannelRef(String id) {
    }

    record PostResponse(boolean ok, String channel, String ts, MessageView message) {
    }

    record UpdateResponse(boolean ok, String channel, String ts, String text, MessageView message) {
    }

    /** A message as Slack's methods answer it; {@code edited} once {@code chat.update} changed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String type, String user, String bot_id, String text, JsonNode blocks, String ts,
            String thread_ts, Edited edited) {

        static MessageView of(SlackMessage message) {
            SlackMessage.Edit last = message.lastEdit();
            return new MessageView("message", message.user(), message.botId(), message.text(), message.blocks(),
                    message.ts(), message.threadTs(), last == null ? null : new Edited(last.user(), last.ts()));
        }
    }

    record Edited(String user, String ts) {
    }
}

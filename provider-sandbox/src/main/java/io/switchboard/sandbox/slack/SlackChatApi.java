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
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code conversations.open} (DM ids {@code D…} stable per user) and {@code chat.postMessage} with Slack's
 * checks and limits: per channel about 1/s with a small burst, and a workspace cap.
 */
@RestController
class SlackChatApi {

    static final String PER_CHANNEL = "post-message-per-channel";
    static final String PER_WORKSPACE = "post-message-per-workspace";
    static final String TIER3 = "tier3";

    private static final JsonMapper JSON = JsonMapper.builder().build();
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
        String teamId = token.teamId();
        String channelParam = request.getParameter("channel");
        if (channelParam == null || channelParam.isBlank()) {
            throw new SlackApiError("channel_not_found");
        }
        String channelId = resolve(teamId, channelParam, token.userId());
        String text = request.getParameter("text");
        JsonNode blocks = blocks(request.getParameter("blocks"));
        if ((text == null || text.isEmpty()) && blocks == null) {
            throw new SlackApiError("no_text");
        }
        limiter.acquire(SlackEmulator.NAME, PER_WORKSPACE, teamId);
        limiter.acquire(SlackEmulator.NAME, PER_CHANNEL, teamId + "/" + channelId);
        SlackMessage message = new SlackMessage(channelId, nextTs(), token.userId(), token.botId(), text, blocks,
                request.getParameter("thread_ts"), Instant.now());
        workspaces.addMessage(teamId, message);
        return new PostResponse(true, channelId, message.ts(), new MessageView("message", message.user(),
                message.botId(), message.text(), message.blocks(), message.ts(), message.threadTs()));
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

    private static JsonNode blocks(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (RuntimeException e) {
            throw new SlackApiError("invalid_blocks");
        }
        if (node == null || !node.isArray()) {
            throw new SlackApiError("invalid_blocks");
        }
        for (JsonNode block : node) {
            if (!block.isObject() || !block.has("type") || block.get("type").getNodeType() != tools.jackson.databind.node.JsonNodeType.STRING) {
                throw new SlackApiError("invalid_blocks");
            }
        }
        return node.size() == 0 ? null : node;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String type, String user, String bot_id, String text, JsonNode blocks, String ts,
            String thread_ts) {
    }
}

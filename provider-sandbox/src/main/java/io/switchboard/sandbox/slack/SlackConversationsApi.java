package io.switchboard.sandbox.slack;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.sandbox.ratelimit.RateLimiter;

/**
 * {@code conversations.list} (Tier 2, cursor-paginated) and the JSON API's view of posted messages,
 * {@code GET /sandbox/api/slack/messages?team=&channel=}.
 */
@RestController
class SlackConversationsApi {

    static final String TIER2 = "tier2";

    private final SlackAuthentication authentication;
    private final SlackWorkspaces workspaces;
    private final RateLimiter limiter;

    SlackConversationsApi(SlackAuthentication authentication, SlackWorkspaces workspaces, RateLimiter limiter) {
        this.authentication = authentication;
        this.workspaces = workspaces;
        this.limiter = limiter;
    }

    @RequestMapping(path = "/api/conversations.list", method = {RequestMethod.GET, RequestMethod.POST})
    ListResponse list(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        limiter.acquire(SlackEmulator.NAME, TIER2, token.teamId());
        String typesParam = request.getParameter("types");
        Set<String> types = typesParam == null || typesParam.isBlank() ? Set.of("public_channel")
                : Arrays.stream(typesParam.split(",")).map(String::trim).collect(Collectors.toSet());
        boolean excludeArchived = "true".equals(request.getParameter("exclude_archived"))
                || "1".equals(request.getParameter("exclude_archived"));
        int limit = parseInt(request.getParameter("limit"), 100);
        if (limit <= 0 || limit > 1000) {
            limit = 100;
        }
        int offset = parseCursor(request.getParameter("cursor"));
        List<SlackChannel> matching = workspaces.channels(token.teamId()).stream()
                .filter(c -> types.contains(c.isPrivate() ? "private_channel" : "public_channel"))
                .filter(c -> !excludeArchived || !c.isArchived())
                .toList();
        int end = Math.min(matching.size(), offset + limit);
        List<ChannelView> page = matching.subList(Math.min(offset, end), end).stream()
                .map(c -> new ChannelView(c.id(), c.name(), true, c.isPrivate(), c.isArchived(),
                        c.hasMember(token.userId())))
                .toList();
        String next = end < matching.size() ? encode(end) : "";
        return new ListResponse(true, page, new ResponseMetadata(next));
    }

    @GetMapping("/sandbox/api/slack/messages")
    List<SlackMessage> messages(@RequestParam String team, @RequestParam(required = false) String channel) {
        return channel == null ? workspaces.messages(team) : workspaces.messages(team, channel);
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String encode(int offset) {
        return java.util.Base64.getEncoder().encodeToString(("offset:" + offset).getBytes());
    }

    private static int parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(cursor.trim()));
            return Integer.parseInt(decoded.substring("offset:".length()));
        } catch (RuntimeException e) {
            throw new SlackApiError("invalid_cursor");
        }
    }

    record ListResponse(boolean ok, List<ChannelView> channels, ResponseMetadata response_metadata) {
    }

    record ResponseMetadata(String next_cursor) {
    }

    record ChannelView(String id, String name, boolean is_channel, boolean is_private, boolean is_archived,
            boolean is_member) {
    }
}

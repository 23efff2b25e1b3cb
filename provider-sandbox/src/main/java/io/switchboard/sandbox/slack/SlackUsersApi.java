package io.switchboard.sandbox.slack;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.sandbox.ratelimit.RateLimiter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code users.lookupByEmail} (Tier 3, per workspace) and {@code auth.revoke}. */
@RestController
class SlackUsersApi {

    static final String TIER3 = "tier3";

    private final SlackAuthentication authentication;
    private final SlackWorkspaces workspaces;
    private final RateLimiter limiter;

    SlackUsersApi(SlackAuthentication authentication, SlackWorkspaces workspaces, RateLimiter limiter) {
        this.authentication = authentication;
        this.workspaces = workspaces;
        this.limiter = limiter;
    }

    @RequestMapping(path = "/api/users.lookupByEmail", method = {RequestMethod.GET, RequestMethod.POST})
    LookupResponse lookupByEmail(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        limiter.acquire(SlackEmulator.NAME, TIER3, token.teamId());
        String email = request.getParameter("email");
        if (email == null || email.isBlank()) {
            throw new SlackApiError("invalid_arguments");
        }
        SlackUser user = workspaces.userByEmail(token.teamId(), email)
                .orElseThrow(() -> new SlackApiError("users_not_found"));
        return new LookupResponse(true, new User(user.id(), token.teamId(), user.name(), user.name(), false,
                user.isBot(), new Profile(user.email(), user.name(), user.name())));
    }

    @RequestMapping(path = "/api/auth.revoke", method = {RequestMethod.GET, RequestMethod.POST})
    RevokeResponse revoke(HttpServletRequest request) {
        authentication.authenticate(request);
        String token = io.switchboard.sandbox.provider.BearerTokens.fromAuthorizationOrParameter(request, "token")
                .orElseThrow(() -> new SlackApiError("not_authed"));
        boolean test = "true".equals(request.getParameter("test")) || "1".equals(request.getParameter("test"));
        if (!test) {
            workspaces.revokeToken(token);
        }
        return new RevokeResponse(true, !test);
    }

    record LookupResponse(boolean ok, User user) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(String id, String teamId, String name, String realName, boolean deleted, boolean isBot, Profile profile) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Profile(String email, String realName, String displayName) {
    }

    record RevokeResponse(boolean ok, boolean revoked) {
    }
}

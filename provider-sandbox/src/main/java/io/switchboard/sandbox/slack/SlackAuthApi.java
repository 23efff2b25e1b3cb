package io.switchboard.sandbox.slack;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.sandbox.ratelimit.RateLimiter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code auth.test}: who a token is. Clients call it to check a token and the Slack SDK to key its own
 * rate-limit metrics, so it is answered for every token the sandbox knows, limited per workspace.
 */
@RestController
class SlackAuthApi {

    static final String AUTH_TEST_LIMIT = "auth-test";

    private final SlackAuthentication authentication;
    private final SlackWorkspaces workspaces;
    private final RateLimiter limiter;

    SlackAuthApi(SlackAuthentication authentication, SlackWorkspaces workspaces, RateLimiter limiter) {
        this.authentication = authentication;
        this.workspaces = workspaces;
        this.limiter = limiter;
    }

    @RequestMapping(path = "/api/auth.test", method = {RequestMethod.GET, RequestMethod.POST})
    AuthTestResponse authTest(HttpServletRequest request) {
        SlackToken token = authentication.authenticate(request);
        limiter.acquire(SlackEmulator.NAME, AUTH_TEST_LIMIT, token.teamId());
        SlackWorkspace workspace = workspaces.workspace(token.teamId()).orElseThrow(() -> new SlackApiError("invalid_auth"));
        String userName = workspaces.users(token.teamId()).stream()
                .filter(user -> user.id().equals(token.userId()))
                .map(SlackUser::name)
                .findFirst()
                .orElse(null);
        return new AuthTestResponse(true, workspace.url(), workspace.teamName(), userName, workspace.teamId(),
                token.userId(), token.botId(), false);
    }

    /** Slack's {@code auth.test} answer; {@code bot_id} only for bot tokens. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthTestResponse(boolean ok, String url, String team, String user, String teamId, String userId,
            String botId, boolean isEnterpriseInstall) {
    }
}

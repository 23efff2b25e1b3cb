package io.switchboard.sandbox.slack;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.provider.BearerTokens;

/**
 * Checks the token on a Web API call as Slack does: none is {@code not_authed}, one Slack never issued is
 * {@code invalid_auth}.
 */
@Component
public class SlackAuthentication {

    private final SlackWorkspaces workspaces;

    SlackAuthentication(SlackWorkspaces workspaces) {
        this.workspaces = workspaces;
    }

    /** What the call's token stands for, or a {@link SlackApiError} answered as Slack would. */
    public SlackToken authenticate(HttpServletRequest request) {
        String token = BearerTokens.fromAuthorizationOrParameter(request, "token")
                .orElseThrow(() -> new SlackApiError("not_authed"));
        if (workspaces.isRevokedOutOfBand(token)) {
            throw new SlackApiError("token_revoked");
        }
        return workspaces.token(token).orElseThrow(() -> new SlackApiError("invalid_auth"));
    }
}

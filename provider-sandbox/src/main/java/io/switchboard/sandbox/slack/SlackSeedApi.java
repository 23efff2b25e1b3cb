package io.switchboard.sandbox.slack;

import java.net.URI;
import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.sandbox.recording.SecretMasking;

/**
 * Seeds the emulated Slack: {@code POST /sandbox/api/slack/workspaces} creates a workspace,
 * {@code GET} lists them (bot tokens masked).
 */
@RestController
class SlackSeedApi {

    private static final String WORKSPACES = "/sandbox/api/slack/workspaces";

    private final SlackWorkspaces workspaces;

    SlackSeedApi(SlackWorkspaces workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping(WORKSPACES)
    ResponseEntity<WorkspaceView> create(@RequestBody SlackWorkspaceSeed seed) {
        SlackWorkspace workspace = workspaces.seed(seed);
        return ResponseEntity.created(URI.create(WORKSPACES + "/" + workspace.teamId())).body(view(workspace));
    }

    @GetMapping(WORKSPACES)
    List<WorkspaceView> list() {
        return workspaces.workspaces().stream().map(this::view).toList();
    }

    @GetMapping(WORKSPACES + "/{teamId}")
    ResponseEntity<WorkspaceView> get(@PathVariable String teamId) {
        return ResponseEntity.of(workspaces.workspace(teamId).map(this::view));
    }

    /**
     * Revokes a token out-of-band (as an admin uninstalling the app would): later Web API calls with it
     * answer {@code token_revoked}. Body: {@code {"token":"xoxb-…"}}; 404 when the token is unknown.
     */
    @PostMapping("/sandbox/api/slack/tokens/revoke")
    ResponseEntity<Void> revokeOutOfBand(@RequestBody TokenRef body) {
        return body != null && body.token() != null && workspaces.revokeTokenOutOfBand(body.token())
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    record TokenRef(String token) {
    }

    @ExceptionHandler(SeedRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(SeedRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.of(problem).build();
    }

    private WorkspaceView view(SlackWorkspace workspace) {
        String teamId = workspace.teamId();
        return new WorkspaceView(teamId, workspace.teamName(), workspace.domain(), workspace.url(),
                workspace.botUserId(), workspace.botId(), workspace.botName(),
                workspaces.botToken(teamId).map(SecretMasking::maskToken).orElse(null),
                workspaces.channels(teamId), workspaces.users(teamId), workspaces.messages(teamId));
    }

    /** A workspace as the seed API shows it: its state, with the bot token masked. */
    record WorkspaceView(String teamId, String teamName, String domain, String url, String botUserId, String botId,
            String botName, String botToken, List<SlackChannel> channels, List<SlackUser> users,
            List<SlackMessage> messages) {
    }
}

package io.switchboard.notifier.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.SlackWorkspace;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed;

/** A fresh sandbox Slack workspace per test, connected for a fresh practice through the integration stand-in. */
public record SlackWorkspaceFixture(UUID practice, String teamId, String token, SlackWorkspace workspace) {

    public static SlackWorkspaceFixture create(List<SlackWorkspaceSeed.Channel> channels, List<SlackWorkspaceSeed.User> users) {
        UUID practice = UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String teamId = "T" + suffix;
        String token = "xoxb-test-" + UUID.randomUUID();
        SlackWorkspace workspace = ProviderSandbox.shared().slack().seed(new SlackWorkspaceSeed(teamId,
                "Practice " + suffix, null, token, null, null, null, channels, users));
        IntegrationStub.shared().connect(practice, teamId, workspace.botUserId(), token);
        return new SlackWorkspaceFixture(practice, teamId, token, workspace);
    }

    /** Skips a test while the sandbox does not emulate chat.postMessage yet (built concurrently in provider-sandbox). */
    public static void assumeChatEmulated() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(ProviderSandbox.shared().slackMethodsUrl() + "chat.postMessage"))
                    .POST(HttpRequest.BodyPublishers.ofString("channel=C0&text=probe"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(),
                    HttpResponse.BodyHandlers.discarding());
            Assumptions.assumeTrue(response.statusCode() != 501, "provider-sandbox does not emulate chat.postMessage yet");
        } catch (java.io.IOException | InterruptedException e) {
            Assumptions.abort("sandbox unreachable: " + e);
        }
    }
}

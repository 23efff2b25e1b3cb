package io.switchboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.devstack.identity.DemoUser;
import io.switchboard.devstack.identity.DemoUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the dev stack's provider sandbox a Slack workspace for the demo practice — #front-desk and
 * #general with the bot in them, #partners without — whose members are the practice's demo users, and
 * installs the integration service's dev Slack app in it, so "Connect Slack" works in the dev stack
 * as it does against real Slack. The sandbox keeps state in memory: this runs on every start.
 */
final class SandboxDemoSeed {

    static final String TEAM_ID = "T0HARBOUR1";
    static final String DEMO_PRACTICE = "11111111-1111-4111-8111-111111111111";
    /** The integration service's dev app (its application.yml). */
    static final String CLIENT_ID = "switchboard-dev-client";
    static final String CLIENT_SECRET = "switchboard-dev-client-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI sandbox;

    SandboxDemoSeed(URI sandbox) {
        this.sandbox = sandbox;
    }

    void apply(DemoUsers users) {
        List<Map<String, Object>> members = new ArrayList<>();
        int n = 1;
        for (DemoUser user : users.all()) {
            if (user.practiceId().equals(UUID.fromString(DEMO_PRACTICE))) {
                members.add(Map.of("id", "U0HARBOUR" + n++, "email", user.email(), "name", user.name()));
            }
        }
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("teamId", TEAM_ID);
        workspace.put("teamName", "Harbour & Co");
        workspace.put("domain", "harbour-co");
        workspace.put("botToken", "xoxb-" + UUID.randomUUID().toString().replace("-", ""));
        workspace.put("botUserId", "U0HARBOURBOT");
        workspace.put("channels", List.of(
                channel("C0FRONTDESK", "front-desk", true),
                channel("C0GENERAL1", "general", true),
                channel("C0PARTNERS", "partners", false)));
        workspace.put("users", members);
        post("/sandbox/api/slack/workspaces", workspace);
        post("/sandbox/api/slack/apps", Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET, "teamId", TEAM_ID));
    }

    private static Map<String, Object> channel(String id, String name, boolean botIsMember) {
        return Map.of("id", id, "name", name, "isPrivate", false, "isArchived", false, "botIsMember", botIsMember,
                "members", List.of());
    }

    private void post(String path, Object body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the sandbox refused the demo Slack seed at " + path + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the sandbox at " + sandbox, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

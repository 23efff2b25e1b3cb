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
 * Gives the dev stack's provider sandbox the demo practice's accounts at every provider, so "Connect" works
 * in the dev stack as it does against the real ones: a Slack workspace (#front-desk and #general with the
 * bot in them, #partners without) with the dev Slack app installed; a Microsoft organisation whose users are
 * the practice's staff (Alex administers it) with a "Harbour & Co" team (Front desk, General) and the dev
 * app registered; and a Google account per staff user, Sam's with a client's email waiting to be filed.
 * The sandbox keeps state in memory: this runs on every start.
 */
final class SandboxDemoSeed {

    static final String TEAM_ID = "T0HARBOUR1";
    static final String DEMO_PRACTICE = "11111111-1111-4111-8111-111111111111";
    /** The integration service's dev app (its application.yml). */
    static final String CLIENT_ID = "switchboard-dev-client";
    static final String CLIENT_SECRET = "switchboard-dev-client-secret";
    static final String TENANT_ID = "4a7b0000-0000-4000-8000-00000harbour";
    static final String TEAMS_TEAM_ID = "7e4d0000-0000-4000-8000-00000harbour";
    /** Where the gateway receives the providers' redirects in the dev stack (integration-service's application.yml). */
    static final String GATEWAY = "http://localhost:8080/api/integrations/connections/";

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
        microsoft(staff(users));
        google(staff(users));
    }

    private static List<DemoUser> staff(DemoUsers users) {
        return users.all().stream().filter(u -> u.practiceId().equals(UUID.fromString(DEMO_PRACTICE))).toList();
    }

    private void microsoft(List<DemoUser> staff) {
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int n = 1;
        for (DemoUser user : staff) {
            String id = "9a7b0000-0000-4000-8000-00000000000" + n++;
            ids.add(id);
            users.add(Map.of("id", id, "userPrincipalName", user.email(), "mail", user.email(), "displayName", user.name(),
                    "admin", "PRACTICE_ADMIN".equals(user.role().name())));
        }
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("tenantId", TENANT_ID);
        tenant.put("domain", "harbour.example");
        tenant.put("displayName", "Harbour & Co");
        tenant.put("users", users);
        tenant.put("teams", List.of(Map.of("id", TEAMS_TEAM_ID, "displayName", "Harbour & Co", "members", ids,
                "channels", List.of(Map.of("id", "19:frontdesk0harbour@thread.tacv2", "displayName", "Front desk"),
                        Map.of("id", "19:general0harbour@thread.tacv2", "displayName", "General")))));
        tenant.put("apps", List.of());
        post("/sandbox/api/microsoft/tenants", tenant);
        post("/sandbox/api/microsoft/apps", Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET,
                "displayName", "Switchboard (dev)",
                "redirectUris", List.of(GATEWAY + "teams/callback", GATEWAY + "teams/consent-callback")));
    }

    private void google(List<DemoUser> staff) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (DemoUser user : staff) {
            List<Map<String, Object>> messages = user.email().startsWith("sam@") ? List.of(Map.of(
                    "from", "Linh Nguyen <linh@nguyen.example>", "to", List.of(user.email()),
                    "subject", "Quarterly BAS - a few questions",
                    "text", "Hi Sam,\n\nCould you call me about the quarterly BAS? I have the bank statements ready.\n\nLinh"))
                    : List.of();
            accounts.add(Map.of("email", user.email(), "displayName", user.name(), "messages", messages));
        }
        post("/sandbox/api/google/seed", Map.of("accounts", accounts, "clients", List.of(Map.of("clientId", CLIENT_ID,
                "clientSecret", CLIENT_SECRET, "displayName", "Switchboard (dev)",
                "redirectUris", List.of(GATEWAY + "gmail/callback"))))); 
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
                throw new IllegalStateException("the sandbox refused the demo seed at " + path + ": "
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

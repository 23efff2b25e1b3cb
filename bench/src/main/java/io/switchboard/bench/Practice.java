package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A practice arranged the way one is in real life, through the services' APIs: the practice, staff in its
 * directory (each with a mailbox), a Slack workspace with {@code channels} channels installed through the OAuth
 * flow, the register's default "chat only, Slack #c0", a client. Then it logs phone messages.
 */
public final class Practice {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The harness's "browser" shares the API client's cookie jar: integration-service binds an OAuth flow to the
     * browser that started it (a cookie set by the authorize call), so the install's callback must carry it.
     */
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(Api.COOKIES).build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final UUID id;
    final String admin;
    final String staff;
    final String teamId;
    final List<String> channels = new ArrayList<>();
    final List<UUID> staffIds = new ArrayList<>();
    final String botToken;
    private final BenchStack stack;
    private String clientId;

    private Practice(BenchStack stack) {
        this.stack = stack;
        this.id = UUID.randomUUID();
        this.admin = TestTokens.user(id, UUID.randomUUID(), Role.PRACTICE_ADMIN);
        this.staff = TestTokens.user(id, UUID.randomUUID(), Role.STAFF);
        String suffix = id.toString().replace("-", "").substring(0, 10).toUpperCase();
        this.teamId = "T" + suffix;
        this.botToken = "xoxb-seed-" + suffix;
    }

    /** A practice with {@code channelCount} Slack channels (#c0 the default) and {@code mailboxes} staff users. */
    static Practice arrange(BenchStack stack, int channelCount, int mailboxes) throws Exception {
        Practice p = new Practice(stack);
        String suffix = p.teamId.substring(1);
        List<SlackWorkspaceSeed.Channel> seeded = new ArrayList<>();
        for (int i = 0; i < channelCount; i++) {
            String channel = "C" + suffix + "X" + i;
            p.channels.add(channel);
            seeded.add(SlackWorkspaceSeed.Channel.withBot(channel, "c" + i));
        }
        stack.sandbox.slack().seed(new SlackWorkspaceSeed(p.teamId, "Bench " + suffix, null, p.botToken,
                "U" + suffix + "BOT", null, null, seeded, List.of()));

        Api integration = new Api(stack.integration());
        expect(integration.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", p.id, "name", "Bench " + suffix)), 200, 201);
        for (int i = 0; i < mailboxes; i++) {
            Api.Response user = expect(integration.post("/directory/users", p.admin,
                    Map.of("email", "staff" + i + "." + suffix.toLowerCase() + "@bench.example",
                            "displayName", "Staff " + i, "role", "STAFF")), 200, 201);
            p.staffIds.add(UUID.fromString(user.json().get("id").asText()));
        }

        // The admin installs the Slack app: authorize, approve at the sandbox, come back to the integration service.
        HttpResponse<String> app = BROWSER.send(HttpRequest.newBuilder(
                        URI.create(stack.sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"switchboard-dev-client\","
                        + "\"clientSecret\":\"switchboard-dev-client-secret\",\"teamId\":\"" + p.teamId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (app.statusCode() != 201) {
            throw new IllegalStateException("sandbox app registration: " + app.statusCode() + " " + app.body());
        }
        Api.Response authorize = expect(integration.post("/connections/slack/authorize", p.admin, ""), 200);
        HttpResponse<String> slack = BROWSER.send(HttpRequest.newBuilder(
                URI.create(authorize.json().get("authorizeUrl").asText() + "&auto=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        String back = slack.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> callback = BROWSER.send(HttpRequest.newBuilder(URI.create(stack.integration()
                + "/connections/slack/callback?" + URI.create(back).getRawQuery())).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = callback.headers().firstValue("Location").orElse("");
        if (!location.endsWith("slack=connected")) {
            throw new IllegalStateException("Slack install did not complete: " + callback.statusCode() + " " + location
                    + " " + callback.body());
        }
        expect(integration.post("/connections/slack/channels/refresh", p.admin, ""), 200);
        expect(integration.put("/settings/REGISTER/CORRESPONDENCE_SHARED", p.admin, Map.of("deliveryMode", "CHAT_ONLY",
                "defaultProvider", "SLACK", "channelId", p.channels.get(0))), 200);
        Api.Response client = expect(new Api(stack.register()).post("/clients", p.staff,
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example")), 201);
        p.clientId = client.json().get("id").asText();
        return p;
    }

    /** Switches the practice default to email only: each phone message emails its recipient. */
    void emailOnly() {
        expect(new Api(stack.integration()).put("/settings/REGISTER/CORRESPONDENCE_SHARED", admin,
                Map.of("deliveryMode", "EMAIL_ONLY")), 200);
    }

    /** An entry's request: a phone message for staff member {@code recipient}, shared to Slack channel {@code channel} (or the default, -1). */
    HttpRequest entryRequest(int recipient, int channel, String body) {
        Map<String, Object> entry = new HashMap<>(Map.of(
                "type", "PHONE_MESSAGE", "clientId", clientId, "recipientUserId", staffIds.get(recipient % staffIds.size()),
                "subject", "Please call back about the BAS", "body", body,
                "callerName", "Linh Nguyen", "callerPhone", "+61 400 000 101", "bestTimeToCall", "after 3pm"));
        if (channel >= 0) {
            String id = channels.get(channel % channels.size());
            entry.put("share", List.of(Map.of("kind", "CHANNEL", "provider", "SLACK",
                    "channel", Map.of("id", id, "name", "c" + (channel % channels.size())))));
        }
        return HttpRequest.newBuilder(URI.create(stack.register() + "/entries"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entry))).build();
    }

    /** Sends it; completes with the accepted entry (id and the time its 201 arrived), or null if refused. */
    CompletableFuture<Accepted> log(int recipient, int channel, String body) {
        long sent = System.currentTimeMillis();
        return HTTP.sendAsync(entryRequest(recipient, channel, body), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long now = System.currentTimeMillis();
                    if (error != null || response.statusCode() != 201) {
                        return new Accepted(null, sent, now, error != null ? error.toString()
                                : response.statusCode() + " " + response.body());
                    }
                    return new Accepted(JSON.readTree(response.body()).get("id").asText(), sent, now, null);
                });
    }

    /** One logged entry: its id (null if refused), when it was sent and when the answer came. */
    public record Accepted(String entryId, long sentAtMillis, long answeredAtMillis, String error) {
        boolean ok() {
            return entryId != null;
        }
    }

    /** The register's view of an entry's deliveries, other than in-app. */
    List<JsonNode> deliveries(String entryId) {
        Api.Response entry = new Api(stack.register()).get("/entries/" + entryId, staff);
        List<JsonNode> result = new ArrayList<>();
        JsonNode deliveries = entry.status() == 200 ? entry.json().get("deliveries") : null;
        if (deliveries != null) {
            deliveries.valueStream().filter(d -> !"IN_APP".equals(d.path("channel").asText())).forEach(result::add);
        }
        return result;
    }

    private static Api.Response expect(Api.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException("unexpected " + response.status() + ": " + response.body());
    }
}

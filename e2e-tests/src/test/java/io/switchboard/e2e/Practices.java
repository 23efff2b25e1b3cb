package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleSeed;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed;
import tools.jackson.databind.JsonNode;

/**
 * Arranging journeys the way a practice does it, through the gateway: a practice with Sam in its
 * directory and a Slack workspace installed through the OAuth flow; defaults; phone messages.
 */
final class Practices {

    static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(io.switchboard.platform.test.Api.COOKIES).followRedirects(HttpClient.Redirect.NEVER).build();

    private Practices() {
    }

    /** A practice with Sam in its directory and a connected Slack workspace (#front-desk with the bot, #partners without). */
    record ConnectedPractice(UUID id, String admin, String staff, UUID samId, String samEmail, String teamId,
                             String frontDesk, String partners, String samSlackId) {
    }

    static ConnectedPractice connectedPractice() throws Exception {
        UUID practice = UUID.randomUUID();
        String suffix = practice.toString().replace("-", "").substring(0, 10).toUpperCase();
        String admin = TestTokens.user(practice, UUID.randomUUID(), Role.PRACTICE_ADMIN);
        String samEmail = "sam." + suffix.toLowerCase() + "@harbour.example";
        ProviderSandbox sandbox = Stack.get().sandbox;
        String teamId = "T" + suffix;
        String frontDesk = "C" + suffix + "0";
        String partners = "C" + suffix + "1";
        sandbox.slack().seed(new SlackWorkspaceSeed(teamId, "Harbour " + suffix, null, "xoxb-seed-" + suffix,
                "U" + suffix + "BOT", null, null,
                List.of(SlackWorkspaceSeed.Channel.withBot(frontDesk, "front-desk"),
                        SlackWorkspaceSeed.Channel.withoutBot(partners, "partners")),
                List.of(new SlackWorkspaceSeed.User("U" + suffix + "1", samEmail, "sam"))));

        // The practice and its staff.
        Api integration = new Api(Stack.get().integration.baseUrl());
        assertThat(integration.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", practice, "name", "Harbour " + suffix)).status()).isIn(200, 201);
        Api.Response sam = gateway().post("/api/integrations/directory/users", admin,
                Map.of("email", samEmail, "displayName", "Sam Patel", "role", "STAFF"));
        assertThat(sam.status()).as(sam.body()).isIn(200, 201);
        UUID samId = UUID.fromString(sam.json().get("id").asText());

        // The admin installs the Slack app: authorize, approve at Slack, come back through the gateway.
        registerSlackApp(sandbox, teamId);
        Api.Response authorize = gateway().post("/api/integrations/connections/slack/authorize", admin, "");
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(200);
        HttpResponse<String> slack = BROWSER.send(HttpRequest.newBuilder(
                URI.create(authorize.json().get("authorizeUrl").asText() + "&auto=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        String backToSwitchboard = slack.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> callback = BROWSER.send(HttpRequest.newBuilder(URI.create(
                Stack.get().gateway.baseUrl() + "/api/integrations/connections/slack/callback?"
                        + URI.create(backToSwitchboard).getRawQuery())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("slack=connected");

        assertThat(gateway().post("/api/integrations/connections/slack/channels/refresh", admin, "").status()).isEqualTo(200);
        assertThat(gateway().post("/api/integrations/connections/slack/users/refresh", admin, "").status()).isEqualTo(200);
        return new ConnectedPractice(practice, admin, TestTokens.user(practice, UUID.randomUUID(), Role.STAFF), samId,
                samEmail, teamId, frontDesk, partners, "U" + suffix + "1");
    }

    static void setDefault(ConnectedPractice practice, Map<String, Object> setting) {
        Api.Response saved = gateway().put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(),
                setting);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** Logs a phone message for Sam, with {@code share} targets (empty: the practice default), and answers its id. */
    static String phoneMessageForSam(ConnectedPractice practice, List<Map<String, Object>> share) {
        return phoneMessageForSam(practice, client(practice), "Linh asked about the quarterly statement.", share);
    }

    /** A client of the practice, Linh Nguyen; answers its id. */
    static String client(ConnectedPractice practice) {
        Api.Response client = gateway().post("/api/register/clients", practice.staff(),
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example"));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        String id = client.json().get("id").asText();
        awaitWorkflowKnowsClient(practice, id);
        return id;
    }

    /**
     * Waits until workflow-service has the client from register.client.v1: until then it rightly answers 404 for
     * it, as for any client that is not the practice's.
     */
    static void awaitWorkflowKnowsClient(ConnectedPractice practice, String clientId) {
        Awaitility.await("workflow knows client " + clientId).atMost(Duration.ofSeconds(30)).until(() -> gateway()
                .get("/api/workflow/clients/" + clientId + "/points-of-contact", practice.staff()).status() == 200);
    }

    /** Logs a phone message from {@code clientId} for Sam saying {@code body}; answers the entry's id. */
    static String phoneMessageForSam(ConnectedPractice practice, String clientId, String body,
                                     List<Map<String, Object>> share) {
        Map<String, Object> entry = new java.util.HashMap<>(Map.of(
                "type", "PHONE_MESSAGE", "clientId", clientId, "recipientUserId", practice.samId(),
                "subject", "Please call back about the BAS", "body", body,
                "callerName", "Linh Nguyen", "callerPhone", "+61 400 000 101", "bestTimeToCall", "after 3pm"));
        if (!share.isEmpty()) {
            entry.put("share", share);
        }
        Api.Response created = gateway().post("/api/register/entries", practice.staff(), entry);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /**
     * The entry's deliveries other than Sam's in-app inbox item, once they number {@code count} and all have
     * a final outcome. (Every phone message for Sam also lands in his inbox, whatever it is shared to.)
     */
    static List<JsonNode> finalDeliveries(ConnectedPractice practice, String entryId, int count) {
        JsonNode all = Awaitility.await("deliveries of " + entryId).atMost(Duration.ofSeconds(60))
                .until(() -> gateway().get("/api/register/entries/" + entryId, practice.staff()).json().get("deliveries"),
                        d -> d != null && d.size() == count + 1
                                && d.valueStream().allMatch(x -> !"QUEUED".equals(x.get("outcome").asText())));
        List<JsonNode> inbox = all.valueStream().filter(d -> "IN_APP".equals(d.get("channel").asText())).toList();
        assertThat(inbox).as("Sam's inbox item among %s", all).hasSize(1);
        assertThat(inbox.get(0).get("outcome").asText()).isEqualTo("DELIVERED");
        return all.valueStream().filter(d -> !"IN_APP".equals(d.get("channel").asText())).toList();
    }

    static void registerSlackApp(ProviderSandbox sandbox, String teamId) throws IOException, InterruptedException {
        // The integration service's dev app credentials (its application.yml), installed into this workspace; button
        // presses go to the gateway's interactivity endpoint, signed with the app's signing secret.
        HttpResponse<String> registered = BROWSER.send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"switchboard-dev-client\","
                        + "\"clientSecret\":\"switchboard-dev-client-secret\",\"teamId\":\"" + teamId + "\","
                        + "\"signingSecret\":\"" + Stack.SLACK_SIGNING_SECRET + "\",\"interactivityUrl\":\""
                        + Stack.get().gateway.baseUrl() + "/api/integrations/slack/interactions\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    /**
     * Gmail enabled for the practice by its admin and Sam's own Google account connected (with read access for
     * sync when {@code sync}); waits until gmail-sync answers for him.
     */
    static void enableGmailAndConnectSam(ConnectedPractice practice, boolean sync) throws Exception {
        ProviderSandbox sandbox = Stack.get().sandbox;
        registerGoogleClient(sandbox);
        sandbox.google().seed(GoogleSeed.of(List.of(GoogleSeed.Account.of(practice.samEmail(), "Sam Patel")), List.of()));
        Api.Response enabled = gateway().post("/api/integrations/connections/gmail", practice.admin(), "");
        assertThat(enabled.status()).as(enabled.body()).isIn(200, 201);
        String sam = TestTokens.user(practice.id(), practice.samId(), Role.STAFF);
        assertThat(connectGmail(sam, practice.samEmail(), sync)).endsWith("gmail=connected");
        Awaitility.await("gmail-sync answers for Sam").atMost(Duration.ofSeconds(30))
                .until(() -> gateway().get("/api/gmail/proposals", sam).status() == 200);
    }

    /** The integration service's dev Google client (its application.yml), as registered at Google. */
    static void registerGoogleClient(ProviderSandbox sandbox) {
        sandbox.google().registerClient(new GoogleClient("switchboard-dev-client", "switchboard-dev-client-secret",
                "Switchboard", List.of("http://localhost:8080/api/integrations/connections/gmail/callback")));
    }

    /**
     * A staff user's browser through Google's consent as {@code googleEmail} and back through the gateway;
     * {@code sync} also asks for read access (G5). Answers where Switchboard sent the browser at the end.
     */
    static String connectGmail(String token, String googleEmail, boolean sync) throws Exception {
        Api.Response started = gateway().post("/api/integrations/me/connections/gmail/authorize?sync=" + sync, token, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI consent = UriComponentsBuilder.fromUriString(started.json().get("authorizeUrl").asText())
                .replaceQueryParam("login_hint", googleEmail).queryParam("auto", "true").build(true).toUri();
        HttpResponse<String> google = BROWSER.send(HttpRequest.newBuilder(consent).build(), HttpResponse.BodyHandlers.ofString());
        String query = URI.create(google.headers().firstValue("Location").orElseThrow()).getRawQuery();
        HttpResponse<String> back = BROWSER.send(HttpRequest.newBuilder(URI.create(Stack.get().gateway.baseUrl()
                + "/api/integrations/connections/gmail/callback?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        return back.headers().firstValue("Location").orElseThrow();
    }

    static Api gateway() {
        return new Api(Stack.get().gateway.baseUrl());
    }
}

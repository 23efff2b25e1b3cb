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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.slack.SlackMessage;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed;
import tools.jackson.databind.JsonNode;

/**
 * The register's promise end to end (FEATURES.md R3, R4, P2, P5, N1, N2, N4, N8): an admin connects
 * Slack through the OAuth install, picks #front-desk and "email and chat"; a staff member logs a
 * phone message for Sam; Slack gets a Block Kit message linking back to the entry, Sam gets the
 * email, and the entry shows both delivered with the providers' ids. Every service is its own process.
 */
class ShareToSlackAndEmailE2eTest {

    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Stack stack;
    static Api gateway;

    @BeforeAll
    static void start() {
        stack = Stack.get();
        gateway = new Api(stack.gateway.baseUrl());
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
        ProviderSandbox sandbox = stack.sandbox;
        String teamId = "T" + suffix;
        String frontDesk = "C" + suffix + "0";
        String partners = "C" + suffix + "1";
        sandbox.slack().seed(new SlackWorkspaceSeed(teamId, "Harbour " + suffix, null, "xoxb-seed-" + suffix,
                "U" + suffix + "BOT", null, null,
                List.of(SlackWorkspaceSeed.Channel.withBot(frontDesk, "front-desk"),
                        SlackWorkspaceSeed.Channel.withoutBot(partners, "partners")),
                List.of(new SlackWorkspaceSeed.User("U" + suffix + "1", samEmail, "sam"))));

        // The practice and its staff.
        Api integration = new Api(stack.integration.baseUrl());
        assertThat(integration.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", practice, "name", "Harbour " + suffix)).status()).isIn(200, 201);
        Api.Response sam = gateway.post("/api/integrations/directory/users", admin,
                Map.of("email", samEmail, "displayName", "Sam Patel", "role", "STAFF"));
        assertThat(sam.status()).as(sam.body()).isIn(200, 201);
        UUID samId = UUID.fromString(sam.json().get("id").asText());

        // The admin installs the Slack app: authorize, approve at Slack, come back through the gateway.
        registerSlackApp(sandbox, teamId);
        Api.Response authorize = gateway.post("/api/integrations/connections/slack/authorize", admin, "");
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(200);
        HttpResponse<String> slack = BROWSER.send(HttpRequest.newBuilder(
                URI.create(authorize.json().get("authorizeUrl").asText() + "&auto=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        String backToSwitchboard = slack.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> callback = BROWSER.send(HttpRequest.newBuilder(URI.create(
                stack.gateway.baseUrl() + "/api/integrations/connections/slack/callback?"
                        + URI.create(backToSwitchboard).getRawQuery())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("slack=connected");

        assertThat(gateway.post("/api/integrations/connections/slack/channels/refresh", admin, "").status()).isEqualTo(200);
        assertThat(gateway.post("/api/integrations/connections/slack/users/refresh", admin, "").status()).isEqualTo(200);
        return new ConnectedPractice(practice, admin, TestTokens.user(practice, UUID.randomUUID(), Role.STAFF), samId,
                samEmail, teamId, frontDesk, partners, "U" + suffix + "1");
    }

    static void setDefault(ConnectedPractice practice, Map<String, Object> setting) {
        Api.Response saved = gateway.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(),
                setting);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** Logs a phone message for Sam, with {@code share} targets (empty: the practice default), and answers its id. */
    static String phoneMessageForSam(ConnectedPractice practice, List<Map<String, Object>> share) {
        Api.Response client = gateway.post("/api/register/clients", practice.staff(),
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example"));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        Map<String, Object> entry = new java.util.HashMap<>(Map.of(
                "type", "PHONE_MESSAGE", "clientId", client.json().get("id").asText(), "recipientUserId", practice.samId(),
                "subject", "Please call back about the BAS", "body", "Linh asked about the quarterly statement.",
                "callerName", "Linh Nguyen", "callerPhone", "+61 400 000 101", "bestTimeToCall", "after 3pm"));
        if (!share.isEmpty()) {
            entry.put("share", share);
        }
        Api.Response created = gateway.post("/api/register/entries", practice.staff(), entry);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The entry's deliveries once {@code count} of them have a final outcome. */
    static JsonNode finalDeliveries(ConnectedPractice practice, String entryId, int count) {
        return Awaitility.await("deliveries of " + entryId).atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/api/register/entries/" + entryId, practice.staff()).json().get("deliveries"),
                        d -> d != null && d.size() == count
                                && d.valueStream().allMatch(x -> !"QUEUED".equals(x.get("outcome").asText())));
    }

    @Test
    void phoneMessageForSamReachesFrontDeskAndSamsInboxAndShowsBothDelivered() throws Exception {
        ConnectedPractice practice = connectedPractice();
        ProviderSandbox sandbox = stack.sandbox;
        setDefault(practice, Map.of("deliveryMode", "EMAIL_AND_CHAT", "defaultProvider", "SLACK",
                "channelId", practice.frontDesk()));

        String entryId = phoneMessageForSam(practice, List.of());
        String summaryLink = Stack.PUBLIC_URL + "/register/entries/" + entryId;

        SlackMessage posted = Awaitility.await("Block Kit message in #front-desk").atMost(Duration.ofSeconds(60))
                .until(() -> sandbox.slack().messages(practice.teamId(), practice.frontDesk()).stream().findFirst()
                        .orElse(null), m -> m != null);
        assertThat(posted.blocks().toString()).contains(summaryLink, "Linh Nguyen", "+61 400 000 101");
        ReceivedMail mail = Awaitility.await("email to Sam").atMost(Duration.ofSeconds(60))
                .until(() -> sandbox.mails().stream().filter(m -> m.to().contains(practice.samEmail())).findFirst()
                        .orElse(null), m -> m != null);
        assertThat(mail.text()).contains(summaryLink);
        assertThat(mail.html()).contains(summaryLink);

        JsonNode deliveries = finalDeliveries(practice, entryId, 2);
        assertThat(deliveries.valueStream().map(d -> d.get("outcome").asText()).toList())
                .containsOnly("DELIVERED");
        assertThat(deliveries.valueStream().map(d -> d.get("providerMessageId").asText()).toList())
                .contains(posted.ts(), mail.messageId());
        assertThat(sandbox.slack().messages(practice.teamId(), practice.frontDesk())).hasSize(1);
    }

    @Test
    void chatOnlyWithoutAChannelShowsNotSentNoChannelConfiguredOnTheEntry() throws Exception {
        ConnectedPractice practice = connectedPractice();
        Api.Response saved = gateway.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(),
                Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK"));
        assertThat(saved.json().get("warnings").toString()).contains("NO_CHANNEL_CONFIGURED");

        String entryId = phoneMessageForSam(practice, List.of());

        JsonNode delivery = finalDeliveries(practice, entryId, 1).get(0);
        assertThat(delivery.get("outcome").asText()).isEqualTo("NOT_SENT");
        assertThat(delivery.get("reason").asText()).isEqualTo("NO_CHANNEL_CONFIGURED");
    }

    @Test
    void perEntryOverrideAndADirectMessageArriveWhereChosenAndABotOutsideTheChannelFailsOnce() throws Exception {
        ConnectedPractice practice = connectedPractice();
        setDefault(practice, Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK",
                "channelId", practice.frontDesk()));

        String entryId = phoneMessageForSam(practice, List.of(
                Map.of("kind", "DIRECT_MESSAGE", "userIds", List.of(practice.samId()), "provider", "SLACK"),
                Map.of("kind", "CHANNEL", "provider", "SLACK",
                        "channel", Map.of("id", practice.partners(), "name", "partners"))));

        JsonNode deliveries = finalDeliveries(practice, entryId, 2);
        Map<String, JsonNode> byOutcome = new java.util.HashMap<>();
        deliveries.valueStream().forEach(d -> byOutcome.put(d.get("outcome").asText(), d));
        assertThat(byOutcome.get("DELIVERED")).as(deliveries.toString()).isNotNull();
        assertThat(byOutcome.get("FAILED").get("reason").asText()).isEqualTo("NOT_IN_CHANNEL");
        assertThat(byOutcome.get("FAILED").get("attempts").asInt()).isEqualTo(1);
        assertThat(stack.sandbox.slack().messages(practice.teamId(), practice.frontDesk())).isEmpty();
        assertThat(stack.sandbox.slack().messages(practice.teamId()).stream()
                .filter(m -> m.channel().startsWith("D"))).hasSize(1);
    }

    @Test
    void afterDisconnectTheTokenIsRevokedAndTheNextShareSaysSlackDisconnected() throws Exception {
        ConnectedPractice practice = connectedPractice();
        setDefault(practice, Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK",
                "channelId", practice.frontDesk()));

        assertThat(gateway.delete("/api/integrations/connections/slack", practice.admin()).status()).isIn(200, 204);
        assertThat(stack.sandbox.requests("slack").stream().anyMatch(r -> r.path().equals("/api/auth.revoke"))).isTrue();

        String entryId = Awaitility.await("the notifier has seen the disconnect").atMost(Duration.ofSeconds(30))
                .until(() -> {
                    String id = phoneMessageForSam(practice, List.of());
                    JsonNode delivery = finalDeliveries(practice, id, 1).get(0);
                    return "PROVIDER_DISCONNECTED".equals(delivery.path("reason").asText()) ? id : null;
                }, id -> id != null);
        assertThat(stack.sandbox.slack().messages(practice.teamId(), practice.frontDesk())).isEmpty();
        assertThat(entryId).isNotBlank();
    }

    private static void registerSlackApp(ProviderSandbox sandbox, String teamId) throws IOException, InterruptedException {
        // The integration service's dev app credentials (its application.yml), installed into this workspace.
        HttpResponse<String> registered = BROWSER.send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"switchboard-dev-client\","
                        + "\"clientSecret\":\"switchboard-dev-client-secret\",\"teamId\":\"" + teamId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }
}

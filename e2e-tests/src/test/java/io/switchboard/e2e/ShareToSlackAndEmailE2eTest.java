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

    @Test
    void phoneMessageForSamReachesFrontDeskAndSamsInboxAndShowsBothDelivered() throws Exception {
        UUID practice = UUID.randomUUID();
        String suffix = practice.toString().replace("-", "").substring(0, 10).toUpperCase();
        String admin = TestTokens.user(practice, UUID.randomUUID(), Role.PRACTICE_ADMIN);
        String samEmail = "sam." + suffix.toLowerCase() + "@harbour.example";
        ProviderSandbox sandbox = stack.sandbox;
        String teamId = "T" + suffix;
        String frontDesk = "C" + suffix + "0";
        sandbox.slack().seed(new SlackWorkspaceSeed(teamId, "Harbour " + suffix, null, "xoxb-seed-" + suffix,
                "U" + suffix + "BOT", null, null,
                List.of(SlackWorkspaceSeed.Channel.withBot(frontDesk, "front-desk")),
                List.of(new SlackWorkspaceSeed.User("U" + suffix + "1", samEmail, "sam"))));

        // The practice and its staff.
        Api integration = new Api(stack.integration.baseUrl());
        assertThat(integration.post("/internal/practices", TestTokens.service("internal"),
                Map.of("id", practice, "name", "Harbour " + suffix)).status()).isIn(200, 201);
        Api.Response sam = gateway.post("/api/integrations/directory/users", admin,
                Map.of("email", samEmail, "displayName", "Sam Patel", "role", "STAFF"));
        assertThat(sam.status()).as(sam.body()).isIn(200, 201);
        UUID samId = UUID.fromString(sam.json().get("id").asText());

        // The admin installs the Slack app: authorize, approve at Slack, come back to the callback.
        registerSlackApp(sandbox, teamId);
        Api.Response authorize = gateway.post("/api/integrations/connections/slack/authorize", admin, "");
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(200);
        HttpResponse<String> slack = BROWSER.send(HttpRequest.newBuilder(
                URI.create(authorize.json().get("authorizeUrl").asText() + "&auto=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        String backToSwitchboard = slack.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> callback = BROWSER.send(HttpRequest.newBuilder(URI.create(
                stack.integration.baseUrl() + "/connections/slack/callback?"
                        + URI.create(backToSwitchboard).getRawQuery())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("slack=connected");

        assertThat(gateway.post("/api/integrations/connections/slack/channels/refresh", admin, "").status()).isEqualTo(200);
        assertThat(gateway.post("/api/integrations/connections/slack/users/refresh", admin, "").status()).isEqualTo(200);
        Api.Response setting = gateway.put("/api/integrations/settings/REGISTER/CORRESPONDENCE_SHARED", admin,
                Map.of("deliveryMode", "EMAIL_AND_CHAT", "defaultProvider", "SLACK", "channelId", frontDesk));
        assertThat(setting.status()).as(setting.body()).isEqualTo(200);

        // A staff member logs a phone message for Sam.
        String staff = TestTokens.user(practice, UUID.randomUUID(), Role.STAFF);
        Api.Response client = gateway.post("/api/register/clients", staff,
                Map.of("kind", "PERSON", "displayName", "Linh Nguyen", "email", "linh@nguyen.example"));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        Api.Response entry = gateway.post("/api/register/entries", staff, Map.of(
                "type", "PHONE_MESSAGE", "clientId", client.json().get("id").asText(), "recipientUserId", samId,
                "subject", "Please call back about the BAS", "body", "Linh asked about the quarterly statement.",
                "callerName", "Linh Nguyen", "callerPhone", "+61 400 000 101", "bestTimeToCall", "after 3pm"));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        String entryId = entry.json().get("id").asText();
        String summaryLink = Stack.PUBLIC_URL + "/register/entries/" + entryId;

        SlackMessage posted = Awaitility.await("Block Kit message in #front-desk").atMost(Duration.ofSeconds(60))
                .until(() -> sandbox.slack().messages(teamId, frontDesk).stream().findFirst().orElse(null), m -> m != null);
        assertThat(posted.blocks().toString()).contains(summaryLink, "Linh Nguyen", "+61 400 000 101");
        ReceivedMail mail = Awaitility.await("email to Sam").atMost(Duration.ofSeconds(60))
                .until(() -> sandbox.mails().stream().filter(m -> m.to().contains(samEmail)).findFirst().orElse(null),
                        m -> m != null);
        assertThat(mail.text()).contains(summaryLink);
        assertThat(mail.html()).contains(summaryLink);

        JsonNode deliveries = Awaitility.await("both deliveries reported on the entry").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/api/register/entries/" + entryId, staff).json().get("deliveries"),
                        d -> d != null && d.size() == 2
                                && d.valueStream().allMatch(x -> "DELIVERED".equals(x.get("outcome").asText())));
        assertThat(deliveries.valueStream().map(d -> d.get("providerMessageId").asText()).toList())
                .contains(posted.ts(), mail.messageId());
        assertThat(sandbox.slack().messages(teamId, frontDesk)).hasSize(1);
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

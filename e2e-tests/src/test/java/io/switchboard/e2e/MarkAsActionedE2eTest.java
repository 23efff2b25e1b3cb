package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.phoneMessageForSam;
import static io.switchboard.e2e.Practices.setDefault;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.test.Api;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.ButtonPress;
import io.switchboard.sandbox.slack.InteractionDelivery;
import io.switchboard.sandbox.slack.SlackMessage;
import tools.jackson.databind.JsonNode;

/**
 * A message people can act on (issue 5, FEATURES.md R3/N2): a phone message for Sam posted to #front-desk carries a
 * "Mark as actioned" button; Sam presses it in Slack; Slack's signed request passes the gateway and
 * integration-service, the register records that Sam actioned the entry, and the Slack message is edited to say
 * so, without the button. A request Slack did not sign changes nothing.
 */
class MarkAsActionedE2eTest {

    static ProviderSandbox sandbox;
    static Api api;
    static ConnectedPractice practice;

    @BeforeAll
    static void aPracticeSharingToFrontDesk() throws Exception {
        sandbox = Stack.get().sandbox;
        api = Practices.gateway();
        practice = connectedPractice();
        setDefault(practice, Map.of("deliveryMode", "CHAT_ONLY", "defaultProvider", "SLACK",
                "channelId", practice.frontDesk()));
    }

    @Test
    void samPressesMarkAsActionedInSlackAndTheRegisterAndTheMessageShowIt() {
        String entryId = phoneMessageForSam(practice, List.of());
        SlackMessage posted = awaitPost(entryId);
        assertThat(posted.blocks().toString()).contains(MessageAction.MARK_ACTIONED, "Mark as actioned");

        InteractionDelivery press = sandbox.slackInteractions().press(new ButtonPress(practice.teamId(),
                practice.frontDesk(), posted.ts(), practice.samSlackId(), MessageAction.MARK_ACTIONED));
        assertThat(press.status()).as(press.body()).isEqualTo(200);
        assertThat(press.requestUrl()).startsWith(Stack.get().gateway.baseUrl());

        JsonNode actioned = Awaitility.await("the register records who actioned it").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/register/entries/" + entryId, practice.staff()).json().get("actioned"),
                        a -> a != null && !a.isNull());
        assertThat(actioned.get("byUserId").asText()).isEqualTo(practice.samId().toString());
        assertThat(actioned.get("via").asText()).isEqualTo("SLACK");

        SlackMessage edited = Awaitility.await("the Slack message says so").atMost(Duration.ofSeconds(60))
                .until(() -> message(posted.ts()), m -> !m.edits().isEmpty());
        assertThat(edited.edits()).hasSize(1);
        assertThat(edited.blocks().toString()).contains("Actioned by", "Sam Patel")
                .doesNotContain(MessageAction.MARK_ACTIONED);
        assertThat(sandbox.slack().messages(practice.teamId(), practice.frontDesk()).stream()
                .filter(m -> m.blocks().toString().contains(entryId))).as("edited in place, not posted again").hasSize(1);
    }

    @Test
    void aPressSlackDidNotSignIsRefusedAtTheGatewayAndChangesNothing() throws Exception {
        String entryId = phoneMessageForSam(practice, List.of());
        SlackMessage posted = awaitPost(entryId);
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + practice.teamId() + "\"},\"user\":{\"id\":\""
                + practice.samSlackId() + "\"},\"actions\":[{\"action_id\":\"" + MessageAction.MARK_ACTIONED
                + "\",\"value\":\"" + entryId + "\",\"type\":\"button\"}]}";
        String body = "payload=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String now = Long.toString(System.currentTimeMillis() / 1000);

        HttpResponse<String> forged = Practices.BROWSER.send(HttpRequest.newBuilder(URI.create(
                        Stack.get().gateway.baseUrl() + "/api/integrations/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", now)
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/api/register/entries/" + entryId, practice.staff()).json().get("actioned").isNull()
                        && message(posted.ts()).edits().isEmpty());
    }

    private static SlackMessage awaitPost(String entryId) {
        return Awaitility.await("the phone message in #front-desk").atMost(Duration.ofSeconds(60)).until(() ->
                sandbox.slack().messages(practice.teamId(), practice.frontDesk()).stream()
                        .filter(m -> m.blocks() != null && m.blocks().toString().contains(entryId)).findFirst()
                        .orElse(null), m -> m != null);
    }

    private static SlackMessage message(String ts) {
        return sandbox.slack().messages(practice.teamId(), practice.frontDesk()).stream()
                .filter(m -> m.ts().equals(ts)).findFirst().orElseThrow();
    }
}

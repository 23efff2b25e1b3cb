package io.switchboard.e2e;

import static io.switchboard.e2e.Practices.connectedPractice;
import static io.switchboard.e2e.Practices.finalDeliveries;
import static io.switchboard.e2e.Practices.phoneMessageForSam;
import static io.switchboard.e2e.Practices.setDefault;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.e2e.Practices.ConnectedPractice;
import io.switchboard.platform.test.Api;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.slack.SlackMessage;
import tools.jackson.databind.JsonNode;

/**
 * The register's promise end to end (FEATURES.md R3, R4, P2, P5, N1, N2, N4, N8): an admin connects
 * Slack through the OAuth install, picks #front-desk and "email and chat"; a staff member logs a
 * phone message for Sam; Slack gets a Block Kit message linking back to the entry, Sam gets the
 * email, and the entry shows both delivered with the providers' ids. Every service is its own process.
 */
class ShareToSlackAndEmailE2eTest {

    static Stack stack;
    static Api gateway;

    @BeforeAll
    static void start() {
        stack = Stack.get();
        gateway = new Api(stack.gateway.baseUrl());
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

        List<JsonNode> deliveries = finalDeliveries(practice, entryId, 2);
        assertThat(deliveries.stream().map(d -> d.get("outcome").asText()).toList())
                .containsOnly("DELIVERED");
        assertThat(deliveries.stream().map(d -> d.get("providerMessageId").asText()).toList())
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

        List<JsonNode> deliveries = finalDeliveries(practice, entryId, 2);
        Map<String, JsonNode> byOutcome = new java.util.HashMap<>();
        deliveries.forEach(d -> byOutcome.put(d.get("outcome").asText(), d));
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
}

package io.switchboard.integration.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.support.SlackSandbox;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

/**
 * P8: a delivery that met Slack's {@code token_revoked} marks the practice's connection broken — said once on
 * the connection topic, shown on the integrations page, refused at the token endpoint with a reason the
 * notifier reports — until an admin installs Slack again.
 */
@SwitchboardIntegrationTest
class SlackConnectionHealthIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;
    final Map<String, String> eventIds = new ConcurrentHashMap<>();
    Api api;
    PracticeMother practice;
    SlackSandbox workspace;

    @BeforeEach
    void connectedPractice() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Health Co");
        workspace = SlackSandbox.workspace(1, practice.staffEmail);
        workspace.connect(api, practice.admin());
    }

    @Test
    void aRevokedTokenMarksTheConnectionBrokenOnceAndTheTokenEndpointSaysItNeedsReauthorising() throws Exception {
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name())) {
            report(DeliveryReason.CONNECTION_NEEDS_REAUTH, "token_revoked", Instant.now());
            report(DeliveryReason.CONNECTION_NEEDS_REAUTH, "token_revoked", Instant.now());
            report(DeliveryReason.NOT_IN_CHANNEL, "marker", Instant.now());

            ConnectionChanged broken = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.status() == ConnectionStatus.BROKEN);
            assertThat(broken.provider()).isEqualTo(Provider.SLACK);
            assertThat(broken.statusReason()).contains("token_revoked");
            await().atMost(Duration.ofSeconds(20)).until(() -> processed("marker"));
            Api.Response token = api.get(tokenPath(), TestTokens.service("internal"));
            assertThat(token.status()).isEqualTo(409);
            assertThat(token.json().get("reason").asText()).isEqualTo("CONNECTION_NEEDS_REAUTH");
            assertThat(api.get("/connections", practice.staff()).json().get(0).get("status").asText()).isEqualTo("BROKEN");
            assertThat(api.get("/settings", practice.admin()).json().get("connectedProviders").toString())
                    .doesNotContain("SLACK");

            // The admin disconnects: that event follows every earlier one of this connection on its partition,
            // so once it is seen, all BROKEN events ever published for it have been seen too.
            assertThat(api.delete("/connections/slack", practice.admin()).status()).isEqualTo(204);
            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id, c -> c.status() == ConnectionStatus.DISCONNECTED);
            assertThat(probe.events().stream().filter(e -> e.getType().equals(EventTypes.CONNECTION_CHANGED.type()))
                    .map(e -> codec.decode(e, EventTypes.CONNECTION_CHANGED))
                    .filter(c -> c.practiceId().equals(practice.id) && c.status() == ConnectionStatus.BROKEN))
                    .hasSize(1);
        }
    }

    @Test
    void otherFailuresAndOtherChannelsLeaveTheConnectionAlone() throws Exception {
        report(DeliveryReason.NOT_IN_CHANNEL, "not_in_channel", Instant.now());
        DeliveryReported email = new DeliveryReported(UUID.randomUUID(), practice.id, NotificationChannel.EMAIL,
                "sam@practice.example", source(), "evt-" + UUID.randomUUID(), DeliveryOutcome.FAILED,
                DeliveryReason.CONNECTION_NEEDS_REAUTH, "gmail refused", null, 1, Instant.now(), Instant.now());
        send(email);
        report(DeliveryReason.NOT_IN_CHANNEL, "marker", Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> processed("marker"));
        assertThat(api.get(tokenPath(), TestTokens.service("internal")).status()).isEqualTo(200);
    }

    @Test
    void aReportAboutAMessageRequestedBeforeTheReconnectDoesNotBreakTheNewConnection() throws Exception {
        report(DeliveryReason.CONNECTION_NEEDS_REAUTH, "token_revoked", Instant.now().minusSeconds(3600));
        report(DeliveryReason.NOT_IN_CHANNEL, "marker", Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> processed("marker"));
        assertThat(api.get(tokenPath(), TestTokens.service("internal")).status()).isEqualTo(200);
    }

    @Test
    void reinstallingSlackRepairsABrokenConnection() throws Exception {
        report(DeliveryReason.CONNECTION_NEEDS_REAUTH, "invalid_auth", Instant.now());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(tokenPath(), TestTokens.service("internal")).status() == 409);

        workspace.connect(api, practice.admin());

        assertThat(api.get(tokenPath(), TestTokens.service("internal")).status()).isEqualTo(200);
        assertThat(api.get("/connections", practice.staff()).json().get(0).get("status").asText()).isEqualTo("CONNECTED");
    }

    /**
     * The listener handles one partition's reports in order: once the marker report is in the consumer's dedupe
     * table, every report sent before it with the same key (the practice) was handled too.
     */
    private boolean processed(String marker) {
        return jdbc.sql("select count(*) > 0 from processed_event where event_id = :id")
                .param("id", eventIds.get(marker)).query(Boolean.class).single();
    }

    private void report(DeliveryReason reason, String providerCode, Instant requestedAt) throws Exception {
        send(new DeliveryReported(UUID.randomUUID(), practice.id, NotificationChannel.SLACK, "#front-desk", source(),
                "evt-" + UUID.randomUUID(), DeliveryOutcome.FAILED, reason, providerCode, null, 1, requestedAt,
                Instant.now()), providerCode);
    }

    private void send(DeliveryReported report) throws Exception {
        send(report, null);
    }

    private void send(DeliveryReported report, String marker) throws Exception {
        CloudEvent event = codec.encode(report, EventMetadata.now("/test/notifier", null, null));
        if (marker != null) {
            eventIds.put(marker, event.getId());
        }
        // Keyed by practice so this test's reports keep their order on one partition.
        kafka.send(Topics.NOTIFICATION_DELIVERY.name(), practice.id.toString(), event).get();
    }

    private static SourceRef source() {
        return SourceRef.correspondenceEntry(UUID.randomUUID());
    }

    private String tokenPath() {
        return "/internal/practices/" + practice.id + "/connections/slack/token";
    }
}

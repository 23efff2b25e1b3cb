package io.switchboard.register.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.DeliveryReportMother;
import io.switchboard.register.testsupport.EntryMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class DeliveryStatusIntegrationTest {

    static final String TOPIC = "notification.delivery.v1";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;

    final UUID practice = UUID.randomUUID();
    String token;
    Api api;
    UUID entry;

    @BeforeEach
    void entry() {
        api = Api.onPort(port);
        token = TestTokens.staff(practice);
        entry = EntryMother.phoneMessage(ClientMother.createPerson(api, token, "Linh Nguyen"))
                .sharedTo(EntryMother.practiceDefault()).create(api, token);
    }

    @Test
    void showsEachTargetsDeliveryFromQueuedToDelivered() {
        DeliveryReportMother slack = DeliveryReportMother.about(practice, entry);
        DeliveryReportMother email = DeliveryReportMother.about(practice, entry).by(NotificationChannel.EMAIL, "sam@practice.example");

        publish(slack.queued());
        publish(email.queued());
        publish(slack.delivered("1712345678.000100", 1));

        JsonNode deliveries = awaitDeliveries(d -> outcome(d, slack.notificationId()).equals("DELIVERED")
                && outcome(d, email.notificationId()).equals("QUEUED"));
        JsonNode delivered = find(deliveries, slack.notificationId());
        assertThat(delivered.get("channel").asText()).isEqualTo("SLACK");
        assertThat(delivered.get("target").asText()).isEqualTo("#front-desk");
        assertThat(delivered.get("providerMessageId").asText()).isEqualTo("1712345678.000100");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.get("completedAt").asText()).isEqualTo("2026-03-02T10:00:02Z");
    }

    @Test
    void keepsAFinalOutcomeWhenAQueuedReportArrivesLate() {
        DeliveryReportMother slack = DeliveryReportMother.about(practice, entry);
        DeliveryReportMother marker = DeliveryReportMother.about(practice, entry).by(NotificationChannel.IN_APP, "Sam Patel");

        publish(slack.failed(DeliveryReason.NOT_IN_CHANNEL, "Slack: not_in_channel", 1));
        publish(slack.queued());
        // Same key as the late report, so once the marker is applied the late report has been too.
        publishWithKey(slack.notificationId().toString(), marker.delivered("inapp-1", 1));

        JsonNode deliveries = awaitDeliveries(d -> find(d, marker.notificationId()) != null);
        JsonNode failed = find(deliveries, slack.notificationId());
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).isEqualTo("NOT_IN_CHANNEL");
        assertThat(failed.get("reasonText").asText()).isEqualTo("Slack: not_in_channel");
    }

    @Test
    void showsANotSentTargetWithItsReason() {
        DeliveryReportMother nowhere = DeliveryReportMother.about(practice, entry);

        publish(nowhere.notSentNoChannel());

        JsonNode notSent = find(awaitDeliveries(d -> find(d, nowhere.notificationId()) != null), nowhere.notificationId());
        assertThat(notSent.get("outcome").asText()).isEqualTo("NOT_SENT");
        assertThat(notSent.get("reason").asText()).isEqualTo("NO_CHANNEL_CONFIGURED");
        assertThat(notSent.get("channel").isNull()).isTrue();
    }

    @Test
    void appliesARedeliveredReportOnce() {
        DeliveryReportMother slack = DeliveryReportMother.about(practice, entry);
        CloudEvent delivered = codec.encode(slack.delivered("ts-1", 2), EventMetadata.now("/test/notifier", null, null));

        send(slack.notificationId().toString(), delivered);
        send(slack.notificationId().toString(), delivered);

        awaitDeliveries(d -> outcome(d, slack.notificationId()).equals("DELIVERED"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from processed_event where event_id = :id").param("id", delivered.getId())
                .query(Long.class).single() == 1);
        assertThat(api.get("/entries/" + entry, token).json().get("deliveries").size()).isEqualTo(1);
    }

    @Test
    void ignoresReportsAboutAnotherPracticesEntry() {
        UUID otherPractice = UUID.randomUUID();
        DeliveryReportMother foreign = DeliveryReportMother.about(otherPractice, entry);
        DeliveryReportMother ours = DeliveryReportMother.about(practice, entry);

        publishWithKey(entry.toString(), foreign.delivered("ts-x", 1));
        publishWithKey(entry.toString(), ours.delivered("ts-y", 1));

        JsonNode deliveries = awaitDeliveries(d -> find(d, ours.notificationId()) != null);
        assertThat(find(deliveries, foreign.notificationId())).isNull();
    }

    private void publish(EventData report) {
        publishWithKey(report.subject(), report);
    }

    private void publishWithKey(String key, EventData report) {
        send(key, codec.encode(report, EventMetadata.now("/test/notifier", null, null)));
    }

    private void send(String key, CloudEvent event) {
        try {
            kafka.send(TOPIC, key, event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitDeliveries(java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/entries/" + entry, token).json().get("deliveries"), condition::test);
    }

    private static String outcome(JsonNode deliveries, UUID notificationId) {
        JsonNode delivery = find(deliveries, notificationId);
        return delivery == null ? "" : delivery.get("outcome").asText();
    }

    private static JsonNode find(JsonNode deliveries, UUID notificationId) {
        return deliveries.valueStream().filter(d -> d.get("notificationId").asText().equals(notificationId.toString()))
                .findFirst().orElse(null);
    }
}

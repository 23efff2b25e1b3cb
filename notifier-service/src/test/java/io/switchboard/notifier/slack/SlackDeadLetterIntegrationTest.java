package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;

class SlackDeadLetterIntegrationTest extends NotifierIntegrationTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void unreadableBytesGoToTheDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on("notify.slack.v1.dlt");
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>("notify.slack.v1", key, "not a command".getBytes(StandardCharsets.UTF_8))).get();
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> key.equals(r.key()));
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
        }
    }

    @Test
    void aCommandTheContractRejectsGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        // Both channelId and slackUserId missing: SlackNotificationRequested's constructor refuses it.
        CloudEvent poison = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(java.net.URI.create("/test"))
                .withType("switchboard.notify.slack.requested.v1")
                .withSubject(key)
                .withTime(Instant.now().atOffset(java.time.ZoneOffset.UTC))
                .withExtension(CloudEventExtensions.PRACTICE_ID, UUID.randomUUID().toString())
                .withData("application/json", ("{\"notificationId\":\"" + UUID.randomUUID() + "\",\"practiceId\":\""
                        + UUID.randomUUID() + "\",\"sourceEventId\":\"x\",\"source\":{\"kind\":\"CORRESPONDENCE_ENTRY\",\"id\":\""
                        + UUID.randomUUID() + "\"},\"content\":{\"title\":\"t\",\"fields\":[]},\"requestedAt\":\""
                        + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8))
                .build();
        try (KafkaProbe dlt = KafkaProbe.on("notify.slack.v1.dlt")) {
            send("notify.slack.v1", poison);
            dlt.awaitRecord(r -> key.equals(r.key()));
        }
    }
}

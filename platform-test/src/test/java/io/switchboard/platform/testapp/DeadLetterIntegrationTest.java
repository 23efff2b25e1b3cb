package io.switchboard.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SharedInfrastructure;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

@SwitchboardIntegrationTest
class DeadLetterIntegrationTest {

    static final String TOPIC = WidgetChanged.TOPIC.name();
    static final String DLT = WidgetChanged.TOPIC.deadLetter().name();

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;

    @Test
    void undeserializableRecordGoesToDeadLetterTopicWithReasonAndThePartitionMovesOn() throws Exception {
        UUID practice = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on(DLT);
             KafkaProducer<String, byte[]> raw = rawProducer()) {
            // Same key, so both land on one partition: the good event must not wait behind the bad one.
            raw.send(new ProducerRecord<>(TOPIC, widget.toString(), "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
            CloudEvent good = codec.encode(new WidgetChanged(practice, widget, "after poison", 1),
                    EventMetadata.now("/test", null, null));
            kafka.send(TOPIC, widget.toString(), good).get();

            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> widget.toString().equals(r.key()));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            awaitEffect(good.getId());
        }
    }

    @Test
    void eventWhoseDataDoesNotMatchItsTypeIsDeadLetteredAndLaterEventsAreProcessed() throws Exception {
        UUID practice = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on(DLT)) {
            CloudEvent poison = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(java.net.URI.create("/test"))
                    .withType(WidgetChanged.TYPE.type())
                    .withSubject(widget.toString())
                    .withTime(OffsetDateTime.now())
                    .withExtension(CloudEventExtensions.PRACTICE_ID, practice.toString())
                    .withData("application/json", "{\"name\": 42, \"version\": \"many\"".getBytes(StandardCharsets.UTF_8))
                    .build();
            kafka.send(TOPIC, widget.toString(), poison).get();
            CloudEvent good = codec.encode(new WidgetChanged(practice, widget, "fine", 2), EventMetadata.now("/test", null, null));
            kafka.send(TOPIC, widget.toString(), good).get();

            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> widget.toString().equals(r.key()));
            assertThat(KafkaProbe.toCloudEvent(dead).getId()).isEqualTo(poison.getId());
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            awaitEffect(good.getId());
        }
    }

    @Test
    void redeliveredEventTakesEffectOnce() throws Exception {
        UUID practice = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        CloudEvent event = codec.encode(new WidgetChanged(practice, widget, "twice", 1), EventMetadata.now("/test", null, null));
        kafka.send(TOPIC, widget.toString(), event).get();
        kafka.send(TOPIC, widget.toString(), event).get();
        CloudEvent marker = codec.encode(new WidgetChanged(practice, widget, "marker", 2), EventMetadata.now("/test", null, null));
        kafka.send(TOPIC, widget.toString(), marker).get();

        awaitEffect(marker.getId());
        assertThat(jdbc.sql("select count(*) from widget_effect where widget_id = :id").param("id", widget)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private void awaitEffect(String eventId) {
        Awaitility.await("effect of " + eventId).atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from widget_effect where event_id = :id").param("id", eventId)
                        .query(Integer.class).single() == 1);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }
}

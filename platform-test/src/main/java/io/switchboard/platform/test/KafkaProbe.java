package io.switchboard.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Watches topics from "now" on and lets a test wait for the record or event it expects. Create it
 * before the action under test: it is positioned at the end of every partition when the constructor
 * returns, so nothing published afterwards is missed.
 */
public final class KafkaProbe implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public KafkaProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            Awaitility.await("topic " + topic + " exists").atMost(DEFAULT_WAIT)
                    .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(2)).isEmpty());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    public static KafkaProbe on(String... topics) {
        return new KafkaProbe(SharedInfrastructure.get().kafkaBootstrapServers(), topics);
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up to stop
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** Every record seen so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Every record seen so far decoded as a CloudEvent (records that are not CloudEvents are left out). */
    public List<CloudEvent> events() {
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = toCloudEvent(record);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return Awaitility.await("a matching record").atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> records.stream().filter(matching).findFirst().orElse(null), r -> r != null);
    }

    public CloudEvent awaitEvent(Predicate<CloudEvent> matching) {
        return awaitEvent(DEFAULT_WAIT, matching);
    }

    public CloudEvent awaitEvent(Duration atMost, Predicate<CloudEvent> matching) {
        return Awaitility.await("a matching event").atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> events().stream().filter(matching).findFirst().orElse(null), e -> e != null);
    }

    /** The record decoded as a binary-mode CloudEvent, or {@code null} if it is not one. */
    public static CloudEvent toCloudEvent(ConsumerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException notACloudEvent) {
            return null;
        }
    }

    /** The value of a record header as text, or {@code null}. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

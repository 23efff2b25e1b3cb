package io.switchboard.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.devstack.FreePorts;
import io.switchboard.devstack.process.JavaLauncher;

class KafkaBrokerIntegrationTest {

    private static final String TOPIC = "register.correspondence.v1";

    @TempDir
    Path directory;

    private KafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void startsAKraftBrokerThatKeepsRecordsAndOffsetsAcrossARestart() throws Exception {
        KafkaBrokerConfig config = new KafkaBrokerConfig(directory.resolve("kafka"), FreePorts.next(), FreePorts.next());
        broker = newBroker(config);
        broker.start(Duration.ofSeconds(120));
        assertThat(config.isFormatted()).isTrue();

        createTopic(config);
        String value = "phone message " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(config)) {
            producer.send(new ProducerRecord<>(TOPIC, "practice-1", value)).get();
        }
        assertThat(consumeAndCommit(config, "notifier")).containsExactly(value);

        broker.stop();
        assertThat(broker.exited()).isDone();
        broker = newBroker(config);
        broker.start(Duration.ofSeconds(120));

        assertThat(consumeAndCommit(config, "a-new-group")).containsExactly(value);
        try (Admin admin = admin(config)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("notifier")
                    .partitionsToOffsetAndMetadata().get();
            assertThat(committed.get(new TopicPartition(TOPIC, 0)).offset()).isEqualTo(1);
        }
    }

    private KafkaBroker newBroker(KafkaBrokerConfig config) {
        return new KafkaBroker("kafka", config, JavaLauncher.fromClasspath(System.getProperty("java.class.path")),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), directory.resolve("kafka.log"), null);
    }

    private static void createTopic(KafkaBrokerConfig config) throws InterruptedException, ExecutionException {
        try (Admin admin = admin(config)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    private static List<String> consumeAndCommit(KafkaBrokerConfig config, String group) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
            consumer.commitSync();
        }
        return values;
    }

    private static KafkaProducer<String, String> producer(KafkaBrokerConfig config) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(KafkaBrokerConfig config) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
    }
}

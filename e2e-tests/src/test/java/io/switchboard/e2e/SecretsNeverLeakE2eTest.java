package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.switchboard.platform.test.ErrorBodies;
import io.switchboard.platform.test.SharedInfrastructure;
import io.switchboard.platform.test.TestIssuer;

/**
 * Runs after every other journey of the suite (see junit-platform.properties) and looks for every credential value
 * the suite used — the tokens, codes and client secrets the provider sandbox issued, the Slack signing secret, the
 * internal client secret, a client's portal credential — in every service's log, in every record of every Kafka
 * topic (values and headers), in every error body any request of the suite received, and in every table of every
 * service's schema but the vault's sealed columns: none may appear.
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverLeakE2eTest {

    static final List<String> SCHEMAS = List.of("register", "integration", "notifier", "gmail", "workflow");

    static Set<String> secrets;

    @BeforeAll
    static void theSecretsTheSuiteUsed() {
        Stack stack = Stack.get();
        secrets = new TreeSet<>(stack.sandbox.issuedSecrets());
        secrets.addAll(Leaks.used());
        secrets.add(Stack.SLACK_SIGNING_SECRET);
        secrets.add(TestIssuer.CLIENT_SECRET);
        System.out.println("[secrets] looking for " + secrets.size() + " values the suite used");
        // Without the journeys' secrets this scan would prove nothing: there must be provider tokens among them.
        assertThat(secrets).as("tokens the sandbox issued during the suite").hasSizeGreaterThan(10);
    }

    @Test
    void noServiceLogsASecret() throws IOException {
        Map<String, List<String>> found = new HashMap<>();
        try (Stream<Path> logs = Files.list(Path.of("target", "e2e-logs"))) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                List<String> hits = hits(text);
                if (!hits.isEmpty()) {
                    found.put(log.getFileName().toString(), hits);
                }
            }
        }
        assertThat(found).as("log files naming a secret (secret's first characters)").isEmpty();
    }

    @Test
    void noEventOnAnyTopicCarriesASecret() throws Exception {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get();
        }
        Map<String, List<String>> found = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                    records++;
                    StringBuilder text = new StringBuilder();
                    if (record.key() != null) {
                        text.append(new String(record.key(), StandardCharsets.UTF_8)).append('\n');
                    }
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=')
                                .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                    List<String> hits = hits(text.toString());
                    if (!hits.isEmpty()) {
                        found.computeIfAbsent(record.topic(), t -> new ArrayList<>()).addAll(hits);
                    }
                }
            }
        }
        System.out.println("[secrets] scanned " + records + " records on " + topics.size() + " topics");
        assertThat(records).as("the suite's events").isPositive();
        assertThat(found).as("topics with a record naming a secret").isEmpty();
    }

    @Test
    void noErrorBodyTheSuiteReceivedNamesASecret() {
        List<String> bodies = ErrorBodies.received();
        System.out.println("[secrets] scanned " + bodies.size() + " error bodies");
        assertThat(bodies).as("the suite's error answers (the hostile-input and isolation suites make many)")
                .hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        for (String body : bodies) {
            if (!hits(body).isEmpty()) {
                found.add(body.length() > 300 ? body.substring(0, 300) + "…" : body);
            }
        }
        assertThat(found).as("error bodies naming a secret").isEmpty();
    }

    @Test
    void noTableOfAnyServiceHoldsASecretInPlaintext() throws Exception {
        Map<String, List<String>> found = new HashMap<>();
        try (Connection db = Stack.get().jdbc()) {
            for (String schema : SCHEMAS) {
                for (String secret : secrets) {
                    if (Leaks.occurrences(db, schema, secret) > 0) {
                        found.computeIfAbsent(schema, s -> new ArrayList<>()).add(prefix(secret));
                    }
                }
            }
        }
        assertThat(found).as("schemas holding a secret in plaintext (secret's first characters)").isEmpty();
    }

    private static List<String> hits(String text) {
        List<String> hits = new ArrayList<>();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                hits.add(prefix(secret));
            }
        }
        return hits;
    }

    /** Enough of a secret to recognise it in a failure message, not enough to use it. */
    private static String prefix(String secret) {
        return secret.substring(0, Math.min(6, secret.length())) + "…";
    }
}

package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.switchboard.sandbox.recording.RecordedRequest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The physical floor: the same broker and the same sandbox, without Switchboard in between. */
final class Floor {

    private Floor() {
    }

    /**
     * Produce → consume on the same broker: {@code count} records at {@code rate}/s, acks=all (as the services'
     * producers), a consumer in another thread; milliseconds from send to receipt.
     */
    static List<Double> kafka(BenchStack stack, int count, int rate) throws Exception {
        String topic = "bench.floor." + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", stack.kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(count);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (done.getCount() > 0) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long sent = Long.parseLong(record.value());
                        if (sent > 0) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                            done.countDown();
                        }
                    }
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                }
            }
        }, "floor-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "0")).get();
            assigned.await(30, TimeUnit.SECONDS);
            ServiceJvm.sleep(500);
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(topic, "k", Long.toString(System.nanoTime())));
            }
            producer.flush();
        }
        done.await(60, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    /** A direct chat.postMessage to the sandbox with the workspace's bot token: send → the sandbox's receive time. */
    static List<Double> slack(BenchStack stack, Practice practice, int count) throws Exception {
        List<Double> latencies = new ArrayList<>();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        long since = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            String marker = "floor-" + i + "-" + UUID.randomUUID();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.sandbox.baseUrl() + "/api/chat.postMessage"))
                    .header("Authorization", "Bearer " + practice.botToken)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("channel=" + practice.channels.get(i % practice.channels.size())
                            + "&text=" + marker)).build();
            long sent = System.currentTimeMillis();
            HttpResponse<String> response = Practice.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("direct Slack call: " + response.statusCode() + " " + response.body());
            }
            sentAt.put((long) i, sent);
            ServiceJvm.sleep(10);
        }
        for (RecordedRequest request : stack.sandbox.requests("slack")) {
            String text = request.formValue("text");
            if (request.receivedAt().toEpochMilli() >= since && text != null && text.startsWith("floor-")) {
                long i = Long.parseLong(text.split("-")[1]);
                latencies.add((double) (request.receivedAt().toEpochMilli() - sentAt.get(i)));
            }
        }
        return latencies;
    }

    /** A direct SMTP send to the sandbox (a new connection each, as a relay without pooling): send → its receive time. */
    static List<Double> smtp(BenchStack stack, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", stack.sandbox.smtpHost());
        props.put("mail.smtp.port", Integer.toString(stack.sandbox.smtpPort()));
        Session session = Session.getInstance(props);
        long since = System.currentTimeMillis();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String subject = "floor-" + i;
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("bench@switchboard.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("floor@bench.example"));
            message.setSubject(subject);
            message.setText("floor", StandardCharsets.UTF_8.name());
            sentAt.put(subject, System.currentTimeMillis());
            Transport.send(message);
            ServiceJvm.sleep(10);
        }
        List<Double> latencies = new ArrayList<>();
        stack.sandbox.mails().stream().filter(m -> m.receivedAt().toEpochMilli() >= since && sentAt.containsKey(m.subject()))
                .forEach(m -> latencies.add((double) (m.receivedAt().toEpochMilli() - sentAt.get(m.subject()))));
        return latencies;
    }
}

package io.switchboard.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.NotifierProperties;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;

/** N7 at the router: intake into the routing queue, then per-practice round robin. */
class FairRoutingIntegrationTest extends NotifierIntegrationTestBase {

    private static final String TOPIC = "register.correspondence.v1";

    @Autowired
    FairRouter router;
    @Autowired
    NotifierProperties properties;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aPracticesSingleEventIsRoutedBeforeAnotherPracticesBacklogIsDrained() {
        UUID flooding = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        List<String> backlog = new ArrayList<>();
        String single;
        router.pause();
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                CloudEvent event = encode(new CorrespondenceRecorded(UUID.randomUUID(), flooding,
                        phoneMessage(author, author), List.of()));
                backlog.add(event.getId());
                sent.add(kafka.send(TOPIC, event.getSubject(), event));
            }
            sent.forEach(CompletableFuture::join);
            await().atMost(Duration.ofSeconds(60)).until(() -> queued(flooding) == 500);
            single = record(quiet, UUID.randomUUID(), phoneMessage(author, author), List.of()).getId();
            await().atMost(Duration.ofSeconds(20)).until(() -> queued(quiet) == 1);
        } finally {
            router.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> routed(single));
        long floodRoutedFirst = jdbc.sql("""
                select count(*) from processed_event where consumer = 'notifier-router' and event_id in (:ids)
                and processed_at < (select processed_at from processed_event where consumer = 'notifier-router'
                                    and event_id = :single)
                """).param("ids", backlog).param("single", single).query(Long.class).single();
        // FIFO would route all 500 first; round robin lets at most one turn of the flooding practice go ahead per
        // router thread (each may be in the middle of one when the quiet practice's turn comes).
        assertThat(floodRoutedFirst).isLessThanOrEqualTo(
                (long) properties.routing().perPractice() * properties.routing().threads());
        await().atMost(Duration.ofSeconds(180)).until(() -> queued(flooding) == 0);
        assertThat(routedCount(backlog)).isEqualTo(500);
    }

    @Test
    void anEntrysEventsAreRoutedInTheOrderTheyArrived() {
        UUID practice = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        List<String> entryEvents = new ArrayList<>();
        List<String> all = new ArrayList<>();
        router.pause();
        try {
            for (int i = 0; i < 3; i++) {
                CloudEvent event = switch (i) {
                    case 0 -> record(practice, entry, phoneMessage(author, author), List.of());
                    case 1 -> send(TOPIC, new CorrespondenceShared(entry, practice, author, Instant.now(),
                            List.of(ShareTarget.emailToUsers(List.of(author))), phoneMessage(author, author)));
                    default -> send(TOPIC, new CorrespondenceActioned(entry, practice, author, Instant.now(),
                            ActionedVia.APP));
                };
                entryEvents.add(event.getId());
                all.add(event.getId());
                // Other entries of the same practice in between, on other partitions.
                all.add(record(practice, UUID.randomUUID(), phoneMessage(author, author), List.of()).getId());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> queued(practice) == all.size());
        } finally {
            router.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> routedCount(all) == all.size());
        List<String> order = jdbc.sql("""
                select event_id from processed_event where consumer = 'notifier-router' and event_id in (:ids)
                order by processed_at
                """).param("ids", entryEvents).query(String.class).list();
        assertThat(order).containsExactlyElementsOf(entryEvents);
    }

    @Test
    void anEventDeliveredTwiceIsQueuedOnceAndRoutedOnce() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        try (KafkaProbe commands = KafkaProbe.on("notify.email.v1")) {
            UUID entry = UUID.randomUUID();
            CloudEvent event;
            router.pause();
            try {
                event = record(practice, entry, phoneMessage(author, author),
                        List.of(ShareTarget.emailToUsers(List.of(author))));
                send(TOPIC, event);
                // Same entry, so the same partition: once the marker is stored, both copies have been taken in.
                CloudEvent marker = record(practice, entry, phoneMessage(author, author), List.of());
                await().atMost(Duration.ofSeconds(20)).until(() -> queued(practice) == 2);
                assertThat(jdbc.sql("select event_id from routing_queue where practice_id = :p order by id")
                        .param("p", practice).query(String.class).list())
                        .containsExactly(event.getId(), marker.getId());
            } finally {
                router.resume();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> queued(practice) == 0);
            // Once more after it was routed and left the queue: stored again, recognised, not routed again.
            send(TOPIC, event);
            CloudEvent marker = record(practice, entry, phoneMessage(author, author),
                    List.of(ShareTarget.emailToUsers(List.of(author))));
            await().atMost(Duration.ofSeconds(30)).until(() -> emailsFor(commands, marker.getId()) == 1);
            assertThat(emailsFor(commands, event.getId())).isEqualTo(1);
            assertThat(queued(practice)).isZero();
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheRecordsBehindItAreRouted() throws Exception {
        UUID practice = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on(TOPIC + ".dlt");
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            CloudEvent before = record(practice, entry, phoneMessage(author, author), List.of());
            // Same key as the entry's events: the same partition, between two good records.
            raw.send(new ProducerRecord<>(TOPIC, entry.toString(), "not an event".getBytes(StandardCharsets.UTF_8))).get();
            CloudEvent after = record(practice, entry, phoneMessage(author, author), List.of());
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> entry.toString().equals(r.key()));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).until(() -> routed(before.getId()) && routed(after.getId()));
        }
    }

    @Test
    void anEventThatCannotBeRoutedIsDeadLetteredWithoutHoldingBackItsPractice() {
        UUID practice = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on(TOPIC + ".dlt")) {
            CloudEvent broken = brokenRecorded(practice, entry);
            assertThat(router.handles(broken.getType())).isTrue();
            send(TOPIC, broken);
            CloudEvent next = record(practice, entry, phoneMessage(author, author), List.of());
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> entry.toString().equals(r.key()));
            assertThat(KafkaProbe.toCloudEvent(dead).getId()).isEqualTo(broken.getId());
            assertThat(KafkaProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).until(() -> routed(next.getId()));
            assertThat(queued(practice)).isZero();
        }
    }

    @Test
    void aTurnHoldingOneBrokenEventRoutesEveryOtherEventOnceAndDeadLettersTheBrokenOne() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        UUID author = user(practice, "turn-" + practice + "@example.test", null);
        UUID entry = UUID.randomUUID();
        List<String> good = new ArrayList<>();
        CloudEvent broken = brokenRecorded(practice, entry);
        try (KafkaProbe dlt = KafkaProbe.on(TOPIC + ".dlt"); KafkaProbe commands = KafkaProbe.on("notify.email.v1")) {
            router.pause();
            try {
                // One entry, one partition: two good events, the broken one, two more — all in one turn.
                for (int i = 0; i < 5; i++) {
                    if (i == 2) {
                        send(TOPIC, broken);
                    } else {
                        good.add(record(practice, entry, phoneMessage(author, author),
                                List.of(ShareTarget.emailToUsers(List.of(author)))).getId());
                    }
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> queued(practice) == 5);
            } finally {
                router.resume();
            }
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> entry.toString().equals(r.key()));
            assertThat(KafkaProbe.toCloudEvent(dead).getId()).isEqualTo(broken.getId());
            await().atMost(Duration.ofSeconds(30)).until(() -> routedCount(good) == good.size() && queued(practice) == 0);
            // The failed turn rolled back whole: the events routed before the broken one were not sent twice.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String id : good) {
                    assertThat(emailsFor(commands, id)).as("emails for %s", id).isEqualTo(1);
                }
            });
        }
    }

    /** A readable CloudEvent for a known practice whose data is not a CorrespondenceRecorded. */
    private static CloudEvent brokenRecorded(UUID practice, UUID entry) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/test"))
                .withType(EventTypes.CORRESPONDENCE_RECORDED.type())
                .withSubject(entry.toString())
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withExtension(CloudEventExtensions.PRACTICE_ID, practice.toString())
                .withData("application/json", "{\"entryId\":".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void anEventNamingNoPracticeIsDeadLetteredAtIntake() {
        UUID entry = UUID.randomUUID();
        try (KafkaProbe dlt = KafkaProbe.on(TOPIC + ".dlt")) {
            CloudEvent orphan = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/test"))
                    .withType(EventTypes.CORRESPONDENCE_RECORDED.type())
                    .withSubject(entry.toString())
                    .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                    .build();
            send(TOPIC, orphan);
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> entry.toString().equals(r.key()));
            assertThat(KafkaProbe.toCloudEvent(dead).getId()).isEqualTo(orphan.getId());
            assertThat(jdbc.sql("select count(*) from routing_queue where event_id = :id").param("id", orphan.getId())
                    .query(Long.class).single()).isZero();
        }
    }

    private CloudEvent encode(CorrespondenceRecorded recorded) {
        return codec.encode(recorded, EventMetadata.now("/test", null, null));
    }

    private long queued(UUID practice) {
        return jdbc.sql("select count(*) from routing_queue where practice_id = :p").param("p", practice)
                .query(Long.class).single();
    }

    private boolean routed(String eventId) {
        return routedCount(List.of(eventId)) == 1;
    }

    private long routedCount(List<String> eventIds) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'notifier-router' and event_id in (:ids)")
                .param("ids", eventIds).query(Long.class).single();
    }

    private long emailsFor(KafkaProbe probe, String sourceEventId) {
        return probe.events().stream()
                .filter(e -> e.getType().equals("switchboard.notify.email.requested.v1"))
                .map(e -> (EmailNotificationRequested) codec.decode(e))
                .filter(c -> c.sourceEventId().equals(sourceEventId))
                .count();
    }
}

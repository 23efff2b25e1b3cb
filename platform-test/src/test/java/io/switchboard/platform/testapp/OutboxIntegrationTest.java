package io.switchboard.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventCodec;
import io.switchboard.platform.correlation.Correlation;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SharedInfrastructure;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.testapp.PlatformTestApplication.Widgets;

@SwitchboardIntegrationTest
class OutboxIntegrationTest {

    @Autowired
    Widgets widgets;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Value("${switchboard.test.database}")
    String database;

    @Test
    void publishesCommittedEventAsCloudEventWithTenantAndCorrelation() {
        UUID practice = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name());
             Correlation.Scope ignored = Correlation.open("corr-123", "req-9")) {
            UUID widget = widgets.create(practice, "lamp").id();

            CloudEvent event = probe.awaitEvent(e -> widget.toString().equals(e.getSubject()));

            assertThat(event.getType()).isEqualTo(WidgetChanged.TYPE.type());
            assertThat(event.getSource().toString()).isEqualTo("/switchboard/platform-test-app");
            assertThat(event.getExtension(CloudEventExtensions.PRACTICE_ID)).isEqualTo(practice.toString());
            assertThat(event.getExtension(CloudEventExtensions.CORRELATION_ID)).isEqualTo("corr-123");
            assertThat(event.getExtension(CloudEventExtensions.CAUSATION_ID)).isEqualTo("req-9");
            assertThat(codec.decode(event, WidgetChanged.TYPE)).isEqualTo(new WidgetChanged(practice, widget, "lamp", 1));
            assertThat(probe.records().stream().filter(r -> r.key().equals(widget.toString()))).hasSize(1);
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID practice = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            UUID widget = widgets.create(practice, "chair").id();
            probe.awaitEvent(e -> widget.toString().equals(e.getSubject()));

            assertThatThrownBy(() -> widgets.renameThenFail(practice, widget, "rolled back"))
                    .hasMessageContaining("failing after");
            // The relay publishes in recording order on one partition per key: once a later change of
            // the same widget is out, the rolled-back one would have been published before it.
            widgets.rename(practice, widget, "committed");

            probe.awaitEvent(e -> widget.toString().equals(e.getSubject())
                    && codec.decode(e, WidgetChanged.TYPE).name().equals("committed"));
            assertThat(probe.events().stream()
                    .filter(e -> widget.toString().equals(e.getSubject()))
                    .map(e -> codec.decode(e, WidgetChanged.TYPE).name()))
                    .containsExactly("chair", "committed");
        }
    }

    @Test
    void recordingAnEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.record(new WidgetChanged(UUID.randomUUID(), UUID.randomUUID(), "x", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@Transactional");
    }

    @Test
    void aTransactionRecordingMoreEventsThanOneInsertHoldsPublishesThemAllInTheOrderRecorded() {
        UUID practice = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        int count = 1_200; // more than one multi-row insert's worth
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            tx.executeWithoutResult(status -> {
                for (int version = 1; version <= count; version++) {
                    outbox.record(new WidgetChanged(practice, widget, "bulk", version));
                }
                // Written at commit, in one go: nothing of this transaction is in the table before it.
                assertThat(jdbc.sql("select count(*) from outbox_event where practice_id = :p").param("p", practice)
                        .query(Long.class).single()).isZero();
            });
            probe.awaitEvent(Duration.ofSeconds(60), e -> widget.toString().equals(e.getSubject())
                    && codec.decode(e, WidgetChanged.TYPE).version() == count);
            List<Integer> versions = probe.events().stream()
                    .filter(e -> widget.toString().equals(e.getSubject()))
                    .map(e -> codec.decode(e, WidgetChanged.TYPE).version())
                    .toList();
            assertThat(versions).hasSize(count).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void eventsOfOneAggregateArriveInOrderUnderConcurrentChanges() throws Exception {
        UUID practice = UUID.randomUUID();
        int writers = 4;
        int changesPerWriter = 25;
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            UUID widget = widgets.create(practice, "v1").id();
            UUID other = widgets.create(practice, "other").id();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changesPerWriter; i++) {
                        widgets.rename(practice, widget, "w" + writer + "-" + i);
                        widgets.rename(practice, other, "o" + writer + "-" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            int expected = 1 + writers * changesPerWriter;

            probe.awaitEvent(Duration.ofSeconds(30), e -> widget.toString().equals(e.getSubject())
                    && codec.decode(e, WidgetChanged.TYPE).version() == expected);
            List<Integer> versions = probe.events().stream()
                    .filter(e -> widget.toString().equals(e.getSubject()))
                    .map(e -> codec.decode(e, WidgetChanged.TYPE).version())
                    .toList();
            assertThat(versions).hasSize(expected).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * A separate JVM records a change and its event, commits, and is killed ({@code Runtime.halt})
     * from the commit callback, before any relay could send. This context's relay, reading the same
     * database, must publish the event.
     */
    @Test
    void eventCommittedByAProcessThatDiedBeforePublishingIsPublishedLater() throws Exception {
        UUID practice = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            Process child = new ProcessBuilder(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"),
                    DyingProducer.class.getName(),
                    infrastructure.jdbcUrl(database), infrastructure.username(), infrastructure.password(),
                    practice.toString(), widget.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/dying-producer.log"))
                    .start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("the child halts itself after commit").isEqualTo(DyingProducer.HALTED);
            assertThat(jdbc.sql("select count(*) from widget where id = :id").param("id", widget)
                    .query(Integer.class).single()).isEqualTo(1);

            CloudEvent event = probe.awaitEvent(e -> widget.toString().equals(e.getSubject()));

            assertThat(codec.decode(event, WidgetChanged.TYPE).name()).isEqualTo("from a dying process");
        }
    }

    @Test
    void consumerAppliesEachEventOnceAndDeletesNothingItDidNotSend() {
        UUID practice = UUID.randomUUID();
        UUID widget = widgets.create(practice, "once").id();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from widget_effect where widget_id = :id").param("id", widget)
                        .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :id").param("id", widget.toString())
                .query(Integer.class).single()).isZero();
    }
}

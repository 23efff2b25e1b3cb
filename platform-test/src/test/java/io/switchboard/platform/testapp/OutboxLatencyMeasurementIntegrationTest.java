package io.switchboard.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.testapp.PlatformTestApplication.Widgets;

/**
 * Measures (does not assert) how long an event takes from its transaction's commit to a consumer,
 * and from recording to the broker's acknowledgement, one commit at a time as a request would make
 * them. The numbers go to target/outbox-latency.txt; only delivery of every event is asserted.
 */
@SwitchboardIntegrationTest
// A context of its own, so the relay's timer holds only this test's events.
@TestPropertySource(properties = "switchboard.outbox.measurement-context=true")
class OutboxLatencyMeasurementIntegrationTest {

    static final int WARM_UP = 50;
    static final int MEASURED = 300;

    @Autowired
    Widgets widgets;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyCommittedEventReachesTheBrokerAndTheLatencyIsWrittenDown() throws Exception {
        UUID practice = UUID.randomUUID();
        List<Long> startToSendMillis = new ArrayList<>();
        try (KafkaProbe probe = KafkaProbe.on(WidgetChanged.TOPIC.name())) {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long started = System.currentTimeMillis();
                String id = widgets.create(practice, "w" + i).id().toString();
                ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> id.equals(r.key()));
                if (i >= WARM_UP) {
                    // CreateTime: when the relay handed the record to the producer, after the commit.
                    startToSendMillis.add(record.timestamp() - started);
                }
            }
        }
        Collections.sort(startToSendMillis);
        assertThat(startToSendMillis).hasSize(MEASURED);
        Timer relay = meters.get("switchboard.outbox.commit.to.broker").timer();
        Map<Double, Double> ack = new java.util.TreeMap<>();
        for (ValueAtPercentile p : relay.takeSnapshot().percentileValues()) {
            ack.put(p.percentile(), p.value(TimeUnit.MILLISECONDS));
        }
        String report = String.format(
                "transaction start -> relay send (record CreateTime, ms resolution): n=%d median=%d ms p99=%d ms max=%d ms%n"
                        + "recorded in outbox -> broker acknowledged (relay timer): n=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n"
                        + "machine: %d cores, java %s; one commit at a time%n",
                MEASURED, startToSendMillis.get(MEASURED / 2), startToSendMillis.get((int) (MEASURED * 0.99)),
                startToSendMillis.get(MEASURED - 1), relay.count(), ack.get(0.5), ack.get(0.99),
                relay.max(TimeUnit.MILLISECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Files.writeString(Path.of("target", "outbox-latency.txt"), report);
        System.out.print(report);
    }
}

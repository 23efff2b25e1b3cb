package io.switchboard.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;

/** Records a delivery report in the outbox (call inside the transaction that changed the ledger) and counts it. */
@Component
public class DeliveryReports {

    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    public DeliveryReports(ApplicationEventPublisher events, MeterRegistry meters) {
        this.events = events;
        this.meters = meters;
    }

    public void publish(DeliveryReported report) {
        events.publishEvent(report);
        String channel = report.channel() == null ? "NONE" : report.channel().name();
        Counter.builder("notifier.deliveries")
                .description("Delivery reports by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", report.outcome().name())
                .tag("reason", report.reason() == null ? "none" : report.reason().name())
                .register(meters)
                .increment();
        if (report.outcome() == DeliveryOutcome.DELIVERED && report.completedAt() != null) {
            latency(report.channel()).record(Duration.between(report.requestedAt(), report.completedAt()));
        }
    }

    private Timer latency(NotificationChannel channel) {
        return Timer.builder("notifier.delivery.latency")
                .description("From the request to the provider's acceptance")
                .tag("channel", channel.name())
                .publishPercentileHistogram()
                .register(meters);
    }

    static Instant now() {
        return Instant.now();
    }
}

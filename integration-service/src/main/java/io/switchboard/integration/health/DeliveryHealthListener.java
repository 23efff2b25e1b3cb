package io.switchboard.integration.health;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.integration.slack.SlackConnections;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Connection health from what deliveries met (FEATURES.md P8): a Slack delivery refused with
 * {@code invalid_auth} / {@code token_revoked} (reported as {@link DeliveryReason#CONNECTION_NEEDS_REAUTH})
 * marks the practice's Slack connection broken, which tells the admins and makes later deliveries report
 * "connection needs re-authorising" instead of failing the same way forever. Teams user connections are
 * marked broken where their refresh fails (see {@code TeamsConnections}).
 */
@Component
class DeliveryHealthListener {

    static final String CONSUMER = "integration-connection-health";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    DeliveryHealthListener(IdempotentConsumer idempotent, EventCodec codec, SlackConnections slack) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.DELIVERY_REPORTED, (report, event) -> {
                    if (report.channel() == NotificationChannel.SLACK
                            && report.reason() == DeliveryReason.CONNECTION_NEEDS_REAUTH) {
                        slack.markBroken(report.practiceId(), providerCode(report), report.requestedAt());
                    }
                })
                .build();
    }

    @KafkaListener(topics = "notification.delivery.v1", groupId = CONSUMER)
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }

    private static String providerCode(DeliveryReported report) {
        return report.reasonText() == null || report.reasonText().isBlank() ? "token rejected" : report.reasonText();
    }
}

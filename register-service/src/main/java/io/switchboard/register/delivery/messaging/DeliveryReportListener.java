package io.switchboard.register.delivery.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import io.switchboard.register.delivery.DeliveryStatuses;

/** Keeps entries' delivery status from the notifier's delivery reports, once per event. */
@Component
class DeliveryReportListener {

    static final String CONSUMER = "register-delivery-status";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    DeliveryReportListener(IdempotentConsumer idempotent, EventCodec codec, DeliveryStatuses statuses) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.DELIVERY_REPORTED, (report, event) -> statuses.apply(report))
                .build();
    }

    @KafkaListener(topics = "notification.delivery.v1", groupId = CONSUMER)
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

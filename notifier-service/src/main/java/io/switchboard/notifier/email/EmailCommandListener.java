package io.switchboard.notifier.email;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Accepts Email commands into the ledger's queue and acknowledges; the drainer sends them, paced per mailbox.
 * A command that cannot be decoded goes to {@code notify.email.v1.dlt} (platform error handler).
 */
@Component
class EmailCommandListener {

    static final String CONSUMER = "notifier-email";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    EmailCommandListener(IdempotentConsumer idempotent, EventCodec codec, Ledger ledger) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.EMAIL_NOTIFICATION_REQUESTED, (command, event) -> ledger.accept(command))
                .build();
    }

    @KafkaListener(topics = "notify.email.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.email()}",
            concurrency = "${switchboard.notifier.listener-concurrency:3}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

package io.switchboard.notifier.inapp;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Puts in-app commands in their recipient's inbox and reports them DELIVERED, in the consumer's dedupe
 * transaction (ledger row, item, report in the outbox and the live-stream signal commit together). A command that
 * cannot be decoded goes to {@code notify.inapp.v1.dlt} (platform error handler).
 */
@Component
class InboxCommandListener {

    static final String CONSUMER = "notifier-inapp";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    InboxCommandListener(IdempotentConsumer idempotent, EventCodec codec, Ledger ledger, InboxSender sender) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.IN_APP_NOTIFICATION_REQUESTED, (command, event) -> ledger.deliverNow(command, sender))
                .build();
    }

    @KafkaListener(topics = "notify.inapp.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.inapp()}",
            concurrency = "${switchboard.notifier.listener-concurrency:3}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

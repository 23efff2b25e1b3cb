package io.switchboard.notifier.slack;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Accepts Slack commands into the ledger's queue and acknowledges; the drainer sends them, paced per channel.
 * A command that cannot be decoded goes to {@code notify.slack.v1.dlt} (platform error handler).
 */
@Component
class SlackCommandListener {

    static final String CONSUMER = "notifier-slack";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    SlackCommandListener(IdempotentConsumer idempotent, EventCodec codec, Ledger ledger) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.SLACK_NOTIFICATION_REQUESTED, (command, event) -> ledger.accept(command))
                .build();
    }

    @KafkaListener(topics = "notify.slack.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.slack()}",
            concurrency = "${switchboard.notifier.listener-concurrency:3}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

package io.switchboard.notifier.teams;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.notifier.delivery.Ledger;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Accepts Teams commands into the ledger's queue and acknowledges; the drainer sends them, paced per channel and
 * per tenant. A command that cannot be decoded goes to {@code notify.teams.v1.dlt} (platform error handler).
 */
@Component
class TeamsCommandListener {

    static final String CONSUMER = "notifier-teams";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    TeamsCommandListener(IdempotentConsumer idempotent, EventCodec codec, Ledger ledger) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.TEAMS_NOTIFICATION_REQUESTED, (command, event) -> ledger.accept(command))
                .build();
    }

    @KafkaListener(topics = "notify.teams.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.teams()}",
            concurrency = "${switchboard.notifier.listener-concurrency:3}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

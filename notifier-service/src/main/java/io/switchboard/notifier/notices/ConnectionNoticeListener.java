package io.switchboard.notifier.notices;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/**
 * Turns connection changes into system notices, once per event (its own consumer group, so it neither waits for
 * nor is skipped by the projection's dedupe). Runs wherever the router runs.
 */
@Component
class ConnectionNoticeListener {

    static final String CONSUMER = "notifier-notices";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    ConnectionNoticeListener(IdempotentConsumer idempotent, EventCodec codec, ConnectionNotices notices) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CONNECTION_CHANGED, (change, event) -> notices.on(event.getId(), change))
                .build();
    }

    @KafkaListener(topics = "integration.connection.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.router()}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

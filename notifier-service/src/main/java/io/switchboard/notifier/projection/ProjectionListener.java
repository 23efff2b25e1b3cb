package io.switchboard.notifier.projection;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/** Keeps the local projections from integration-service's topics (runs wherever the router runs). */
@Component
class ProjectionListener {

    static final String CONSUMER = "notifier-projection";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    ProjectionListener(IdempotentConsumer idempotent, EventCodec codec, Projections projections) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.NOTIFICATION_SETTINGS, (s, e) -> projections.apply(s))
                .on(EventTypes.DIRECTORY_USER, (u, e) -> projections.apply(u))
                .on(EventTypes.CONNECTION_CHANGED, (c, e) -> projections.apply(c))
                .build();
    }

    @KafkaListener(topics = {"integration.settings.v1", "directory.user.v1", "integration.connection.v1"},
            groupId = CONSUMER, autoStartup = "#{@notifierChannels.router()}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

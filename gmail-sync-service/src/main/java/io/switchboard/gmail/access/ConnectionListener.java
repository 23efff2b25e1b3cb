package io.switchboard.gmail.access;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/** Keeps {@link Connections} from integration-service's compacted connection topic, once per event. */
@Component
class ConnectionListener {

    static final String CONSUMER = "gmail-connections";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    ConnectionListener(IdempotentConsumer idempotent, EventCodec codec, Connections connections) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CONNECTION_CHANGED, (change, event) -> connections.apply(change))
                .build();
    }

    @KafkaListener(topics = "integration.connection.v1", groupId = CONSUMER)
    void on(CloudEvent event) {
        if (event == null) {
            return; // a tombstone: the connection's key is compacted away; its last state stays as it was applied
        }
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

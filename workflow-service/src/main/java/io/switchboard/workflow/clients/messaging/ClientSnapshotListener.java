package io.switchboard.workflow.clients.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import io.switchboard.platform.messaging.Tombstone;
import io.switchboard.workflow.clients.Clients;

/** Keeps {@link Clients} from the register's compacted client topic, once per event. */
@Component
class ClientSnapshotListener {

    static final String CONSUMER = "workflow-clients";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;
    private final Clients clients;

    ClientSnapshotListener(IdempotentConsumer idempotent, EventCodec codec, Clients clients) {
        this.idempotent = idempotent;
        this.clients = clients;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CLIENT_SNAPSHOT, (snapshot, event) -> clients.apply(snapshot))
                .build();
    }

    @KafkaListener(topics = "register.client.v1", groupId = CONSUMER)
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            Tombstone.of(record).ifPresent(t -> clients.remove(t.practiceId(), t.key()));
            return;
        }
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

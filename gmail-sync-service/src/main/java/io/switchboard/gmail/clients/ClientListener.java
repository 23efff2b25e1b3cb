package io.switchboard.gmail.clients;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import io.switchboard.platform.messaging.Tombstone;

/** Keeps {@link ClientDirectory} from the register's compacted client topic, once per event. */
@Component
class ClientListener {

    static final String CONSUMER = "gmail-clients";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;
    private final ClientDirectory directory;

    ClientListener(IdempotentConsumer idempotent, EventCodec codec, ClientDirectory directory) {
        this.idempotent = idempotent;
        this.directory = directory;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CLIENT_SNAPSHOT, (snapshot, event) -> directory.apply(snapshot))
                .build();
    }

    @KafkaListener(topics = "register.client.v1", groupId = CONSUMER)
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            Tombstone.of(record).ifPresent(t -> directory.remove(t.practiceId(), t.key()));
            return;
        }
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

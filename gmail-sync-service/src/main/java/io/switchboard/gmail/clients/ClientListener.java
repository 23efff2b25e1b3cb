package io.switchboard.gmail.clients;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

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
            removeOnTombstone(record);
            return;
        }
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }

    /** A tombstone carries no CloudEvent; the practice comes from its header when the producer set one. */
    private void removeOnTombstone(ConsumerRecord<String, CloudEvent> record) {
        var practice = record.headers().lastHeader("ce_" + CloudEventExtensions.PRACTICE_ID);
        if (practice == null || record.key() == null) {
            return;
        }
        try {
            directory.remove(UUID.fromString(new String(practice.value(), java.nio.charset.StandardCharsets.UTF_8)),
                    UUID.fromString(record.key()));
        } catch (IllegalArgumentException notOurs) {
            // a key or header that is not a UUID: nothing of ours to remove
        }
    }
}

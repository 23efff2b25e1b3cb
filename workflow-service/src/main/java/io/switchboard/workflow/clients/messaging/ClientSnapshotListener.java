package io.switchboard.workflow.clients.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.CloudEventExtensions;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
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
            removeOnTombstone(record);
            return;
        }
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }

    /** A tombstone carries no CloudEvent; the practice comes from its header when the producer set one. */
    private void removeOnTombstone(ConsumerRecord<String, CloudEvent> record) {
        Header practice = record.headers().lastHeader("ce_" + CloudEventExtensions.PRACTICE_ID);
        if (practice == null || record.key() == null) {
            return;
        }
        try {
            clients.remove(UUID.fromString(new String(practice.value(), StandardCharsets.UTF_8)),
                    UUID.fromString(record.key()));
        } catch (IllegalArgumentException notOurs) {
            // a key or header that is not a UUID: nothing of ours to remove
        }
    }
}

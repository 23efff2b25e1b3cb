package io.switchboard.gmail.assignments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/** An entry deleted in the register (G2) removes its Gmail link, once per event. */
@Component
class CorrespondenceListener {

    static final String CONSUMER = "gmail-entry-deleted";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    CorrespondenceListener(IdempotentConsumer idempotent, EventCodec codec, Assignments assignments) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CORRESPONDENCE_DELETED,
                        (deleted, event) -> assignments.entryDeleted(deleted.practiceId(), deleted.entryId()))
                .build();
    }

    @KafkaListener(topics = "register.correspondence.v1", groupId = CONSUMER)
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

package io.switchboard.register.correspondence.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import io.switchboard.register.correspondence.FiledEmails;

/** Emails assigned to clients from Gmail become entries; unassigned ones leave the register (G1, G2). */
@Component
class GmailEmailListener {

    static final String CONSUMER = "register-gmail-email";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    GmailEmailListener(IdempotentConsumer idempotent, EventCodec codec, FiledEmails emails) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.GMAIL_EMAIL_ASSIGNED, (assigned, event) -> emails.file(assigned))
                .on(EventTypes.GMAIL_EMAIL_UNASSIGNED, (unassigned, event) -> emails.unfile(unassigned))
                .build();
    }

    @KafkaListener(topics = "gmail.email.v1", groupId = CONSUMER)
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

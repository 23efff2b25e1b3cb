package io.switchboard.notifier.routing;

import java.time.Instant;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/** Consumes the register's correspondence events once each and routes them (N1); edits Slack posts of actioned entries. */
@Component
class RouterListener {

    static final String CONSUMER = "notifier-router";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    RouterListener(IdempotentConsumer idempotent, EventCodec codec, CorrespondenceRouter router) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.CORRESPONDENCE_RECORDED, (recorded, event) -> router.route(new CorrespondenceRouter.Routing(
                        event.getId(), time(event), recorded.practiceId(), recorded.entryId(), recorded.entry(),
                        recorded.shareTargets(), true, recorded.entry().authorUserId())))
                .on(EventTypes.CORRESPONDENCE_SHARED, (shared, event) -> router.route(new CorrespondenceRouter.Routing(
                        event.getId(), shared.sharedAt(), shared.practiceId(), shared.entryId(), shared.entry(),
                        shared.targets(), false, shared.sharedBy())))
                .on(EventTypes.CORRESPONDENCE_ACTIONED, (actioned, event) -> router.actioned(event.getId(), time(event),
                        actioned))
                .build();
    }

    @KafkaListener(topics = "register.correspondence.v1", groupId = CONSUMER, autoStartup = "#{@notifierChannels.router()}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }

    private static Instant time(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }
}

package io.switchboard.notifier.routing;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;

/** Consumes workflow-service's job, thread and task events once each and routes them (W1–W7, N1). */
@Component
class WorkflowRouterListener {

    static final String CONSUMER = "notifier-workflow";

    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;

    WorkflowRouterListener(IdempotentConsumer idempotent, EventCodec codec, WorkflowRouter router) {
        this.idempotent = idempotent;
        this.handlers = EventHandlers.builder(codec)
                .on(EventTypes.JOB_CREATED, (created, event) -> router.jobCreated(event.getId(), created))
                .on(EventTypes.JOB_MOVED, (moved, event) -> router.jobMoved(event.getId(), moved))
                .on(EventTypes.THREAD_MESSAGE_POSTED, (posted, event) -> router.threadMessagePosted(event.getId(), posted))
                .on(EventTypes.USER_MENTIONED, (mention, event) -> router.userMentioned(event.getId(), mention))
                .on(EventTypes.TASK_ASSIGNED, (assigned, event) -> router.taskAssigned(event.getId(), assigned))
                .on(EventTypes.TASK_RESPONDED, (responded, event) -> router.taskResponded(event.getId(), responded))
                .on(EventTypes.TASK_STATUS_CHANGED, (changed, event) -> router.taskStatusChanged(event.getId(), changed))
                .build();
    }

    @KafkaListener(topics = {"workflow.job.v1", "workflow.thread.v1", "workflow.task.v1"}, groupId = CONSUMER,
            autoStartup = "#{@notifierChannels.router()}")
    void on(CloudEvent event) {
        idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
    }
}

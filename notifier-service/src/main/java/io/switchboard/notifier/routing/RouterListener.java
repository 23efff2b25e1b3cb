package io.switchboard.notifier.routing;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;

/**
 * The correspondence router's intake (N1, N7): takes the register's correspondence events a poll at a time and stores
 * them in the routing queue in one transaction, deduplicated by event id; the {@link FairRouter} routes them, one
 * practice's turn after another's, so a practice's flood here never queues another practice's events behind it.
 * Offsets are committed after that transaction, so nothing acknowledged is lost.
 *
 * <p>A record that cannot be read (no CloudEvent, or no practice to route it for) is handed to the container's error
 * handler by its index: the records before it are kept, it goes to {@code register.correspondence.v1.dlt} with the
 * reason like any record listener's poison, and the records after it are polled again.
 */
@Component
class RouterListener {

    static final String CONSUMER = "notifier-router";

    private final RoutingQueue queue;
    private final FairRouter router;
    private final EventCodec codec;
    private final TransactionTemplate tx;

    RouterListener(RoutingQueue queue, FairRouter router, EventCodec codec, TransactionTemplate tx) {
        this.queue = queue;
        this.router = router;
        this.codec = codec;
        this.tx = tx;
    }

    @KafkaListener(topics = "register.correspondence.v1", groupId = CONSUMER, batch = "true",
            properties = "max.poll.records=${switchboard.notifier.routing.intake-batch:500}",
            autoStartup = "#{@notifierChannels.router()}")
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        int[] poison = {-1};
        RuntimeException[] reason = {null};
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < records.size(); i++) {
                CloudEvent event = records.get(i).value();
                if (event == null) {
                    // ErrorHandlingDeserializer left the bytes and the failure in the record's headers for the DLT.
                    poison[0] = i;
                    reason[0] = new IllegalArgumentException("the record is not a readable CloudEvent");
                    return;
                }
                if (!router.handles(event.getType())) {
                    continue;
                }
                UUID practiceId;
                try {
                    practiceId = practiceId(event);
                } catch (RuntimeException e) {
                    poison[0] = i;
                    reason[0] = e;
                    return;
                }
                queue.store(practiceId, event);
            }
        });
        router.wake();
        if (poison[0] >= 0) {
            throw new BatchListenerFailedException("unreadable correspondence event", reason[0], poison[0]);
        }
    }

    /** From the {@code practiceid} extension; from the data only when a producer left the extension out. */
    private UUID practiceId(CloudEvent event) {
        UUID practiceId = EventCodec.practiceId(event);
        if (practiceId == null) {
            practiceId = codec.decode(event).practiceId();
        }
        if (practiceId == null) {
            throw new IllegalArgumentException("event " + event.getId() + " names no practice");
        }
        return practiceId;
    }
}

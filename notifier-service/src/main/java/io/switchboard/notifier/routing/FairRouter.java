package io.switchboard.notifier.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.TopicSpec;
import io.switchboard.notifier.NotifierChannels;
import io.switchboard.notifier.NotifierProperties;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import tools.jackson.core.JacksonException;

/**
 * N7 at the router: routes the queued correspondence events practice by practice in round robin — each round takes the
 * practices oldest-waiting first and routes at most {@code perPractice} events of one before the next one's turn — so
 * one practice's backlog delays another practice's event by at most one round. A practice's turn is one transaction
 * under the practice's advisory lock (so two routers, in this instance or another, never route one practice at once
 * and its order holds): its due events in arrival order, each with its dedupe row and its commands and reports through
 * the outbox, then the queue rows deleted — one commit for up to {@code perPractice} events instead of one each.
 * {@code threads} routers take turns side by side, each skipping the practices another holds.
 *
 * <p>If any event of a turn fails, the turn rolls back and is routed again one event per transaction, so only the
 * event that fails is retried with backoff (holding back only its own practice) and then dead-lettered with the
 * reason.
 */
@Component
class FairRouter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FairRouter.class);

    static final String TOPIC = "register.correspondence.v1";

    private final RoutingQueue queue;
    private final IdempotentConsumer idempotent;
    private final EventHandlers handlers;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final NotifierProperties.Routing properties;
    private final boolean enabled;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong depth = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean running;
    private final List<Thread> threads = new java.util.ArrayList<>();
    private volatile Instant depthReadAt = Instant.EPOCH;

    FairRouter(RoutingQueue queue, IdempotentConsumer idempotent, EventCodec codec, CorrespondenceRouter router,
               TransactionTemplate tx, KafkaTemplate<String, CloudEvent> kafka, NotifierProperties properties,
               NotifierChannels channels, MeterRegistry meters) {
        this.queue = queue;
        this.idempotent = idempotent;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties.routing();
        this.enabled = channels.router();
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
        Gauge.builder("notifier.routing.queue.depth", depth, AtomicLong::get)
                .description("Correspondence events taken in and waiting to be routed")
                .register(meters);
    }

    /** Whether the router routes events of this type; the intake stores no others. */
    boolean handles(String type) {
        return handlers.handles(type);
    }

    /** Start a round now: the intake just committed events. */
    void wake() {
        // One permit per router is enough to start them all; more would only buy empty rounds later.
        int missing = properties.threads() - wakeups.availablePermits();
        if (missing > 0) {
            wakeups.release(missing);
        }
    }

    /** For tests: stop routing (the intake keeps storing) until {@link #resume()}. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        wake();
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        for (int i = 1; i <= properties.threads(); i++) {
            Thread thread = new Thread(this::loop, "notifier-router-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        // No interrupt: the event being routed finishes (or rolls back) on its own; the loop ends after it.
        running = false;
        wakeups.release(threads.size());
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            boolean routed = false;
            try {
                refreshDepth();
                routed = !paused && round();
            } catch (RuntimeException e) {
                log.warn("routing round failed: {}", e.toString());
            }
            if (!routed) {
                try {
                    wakeups.tryAcquire(properties.interval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One round: every practice with queued events, oldest-waiting first, gets a turn of up to {@code perPractice}
     * events — unless another router holds it, which is then routing it.
     *
     * @return whether anything was routed (then the next round starts at once)
     */
    boolean round() {
        boolean routed = false;
        List<UUID> practices = queue.practicesInTurn(properties.practicesPerPass());
        for (UUID practice : practices) {
            if (!running || paused) {
                break;
            }
            routed |= turn(practice) > 0;
        }
        return routed;
    }

    /** The practice's turn in one transaction; one event per transaction if that fails. How many were routed. */
    private int turn(UUID practice) {
        try {
            return route(practice, properties.perPractice(), new ArrayList<>());
        } catch (RuntimeException e) {
            log.debug("turn of practice {} failed, routing its events one by one: {}", practice, e.toString());
            int routed = 0;
            while (routed < properties.perPractice() && running && !paused && routeNext(practice)) {
                routed++;
            }
            return routed;
        }
    }

    /** Routes the practice's oldest due event, if no other router holds the practice; whether one was routed. */
    private boolean routeNext(UUID practice) {
        List<RoutingQueue.Queued> taken = new ArrayList<>();
        try {
            return route(practice, 1, taken) == 1;
        } catch (RuntimeException e) {
            if (taken.isEmpty()) {
                throw e;
            }
            failed(taken.get(0), e);
            return false;
        }
    }

    /**
     * In one transaction under the practice's lock: its oldest due events, at most {@code limit}, each routed with
     * its dedupe row, then their queue rows deleted; nothing when another router holds the practice. The events taken
     * are added to {@code taken}, so a caller can tell which one a failure concerns.
     */
    private int route(UUID practice, int limit, List<RoutingQueue.Queued> taken) {
        Integer routed = tx.execute(status -> {
            if (!queue.tryLock(practice)) {
                return 0;
            }
            taken.addAll(queue.due(practice, limit));
            for (RoutingQueue.Queued queued : taken) {
                idempotent.handle(RouterListener.CONSUMER, queued.event(), () -> handlers.dispatch(queued.event()));
            }
            if (!taken.isEmpty()) {
                queue.delete(practice, taken.stream().map(RoutingQueue.Queued::id).toList());
            }
            return taken.size();
        });
        return routed == null ? 0 : routed;
    }

    private void failed(RoutingQueue.Queued queued, RuntimeException error) {
        int attempts = queued.attempts() + 1;
        if (!retryable(error) || attempts >= properties.maxAttempts()) {
            try {
                deadLetter(queued, error);
                queue.delete(queued.practiceId(), queued.id());
                log.warn("correspondence event {} dead-lettered after {} attempt(s): {}", queued.event().getId(),
                        attempts, error.toString());
                return;
            } catch (RuntimeException e) {
                log.warn("correspondence event {} could not be dead-lettered: {}", queued.event().getId(), e.toString());
            }
        }
        Duration backoff = backoff(attempts);
        log.info("routing correspondence event {} failed (attempt {}), retrying in {}: {}", queued.event().getId(),
                attempts, backoff, error.toString());
        queue.retryLater(queued.practiceId(), queued.id(), backoff, error.toString());
    }

    /** To {@code register.correspondence.v1.dlt}, as the container's dead-letter recoverer would, with the reason. */
    private void deadLetter(RoutingQueue.Queued queued, RuntimeException error) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(TOPIC + TopicSpec.DEAD_LETTER_SUFFIX,
                queued.event().getSubject(), queued.event());
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, error.getClass().getName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("dead-lettering failed: " + e, e);
        }
    }

    /** Retrying cannot fix an event whose content is wrong (the platform's error handler's classification). */
    private static boolean retryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException || t instanceof IllegalArgumentException
                    || t instanceof EventCodec.UnknownEventTypeException || t instanceof NullPointerException) {
                return false;
            }
        }
        return true;
    }

    private Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long exp = initial * (1L << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(Math.min(properties.maxBackoff().toMillis(), exp));
    }

    private void refreshDepth() {
        Instant now = Instant.now();
        if (now.isAfter(depthReadAt.plusSeconds(1))) {
            depthReadAt = now;
            depth.set(queue.depth());
        }
    }

    private static Instant time(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }
}

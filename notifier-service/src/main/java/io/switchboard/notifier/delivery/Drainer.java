package io.switchboard.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.notifier.NotifierProperties;

/**
 * Drains the ledger's due rows: each pass takes at most one row per target that the pacer allows, so one busy
 * channel cannot starve other targets or practices (round-robin), and hands it to a worker pool. A target is
 * never in flight twice on one instance (its messages keep their order).
 */
@Component
public class Drainer {

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);

    private static final AtomicLong THREADS = new AtomicLong();

    private final Ledger ledger;
    private final Pacer pacer;
    private final NotifierProperties properties;
    private final Map<NotificationChannel, ChannelSender> senders;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong depth = new AtomicLong();
    private long passes;

    public Drainer(Ledger ledger, Pacer pacer, NotifierProperties properties, List<ChannelSender> senders,
                   MeterRegistry meters) {
        this.ledger = ledger;
        this.pacer = pacer;
        this.properties = properties;
        this.senders = senders.stream()
                .filter(s -> !s.immediate() && properties.runs(s.channel().name().toLowerCase()))
                .collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.workers = Executors.newFixedThreadPool(properties.drain().workers(), runnable -> {
            Thread thread = new Thread(runnable, "notifier-worker-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(properties.drain().workers() * 2);
        Gauge.builder("notifier.queue.depth", depth, AtomicLong::get)
                .description("Deliveries pending or being sent")
                .register(meters);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        // Rows being sent finish or keep their lease; an interrupted send is settled by abandonExpiredLeases.
        workers.shutdown();
    }

    @Scheduled(fixedDelayString = "${switchboard.notifier.drain.interval:100ms}")
    public void drain() {
        if (senders.isEmpty()) {
            return;
        }
        try {
            if (passes++ % 20 == 0) {
                ledger.abandonExpiredLeases();
                depth.set(ledger.queueDepth());
            }
            for (ChannelSender sender : senders.values()) {
                drain(sender);
            }
        } catch (RuntimeException e) {
            log.warn("drain pass failed: {}", e.toString());
        }
    }

    private void drain(ChannelSender sender) {
        List<Ledger.DueKey> keys = ledger.dueKeys(sender.channel(), properties.drain().batch());
        for (Ledger.DueKey key : keys) {
            if (inFlight.contains(key.paceKey())) {
                continue;
            }
            if (!slots.tryAcquire()) {
                return;
            }
            if (!pacer.tryAcquire(sender.channel(), key.paceKey(), key.workspaceKey())) {
                slots.release();
                continue;
            }
            inFlight.add(key.paceKey());
            // The row is claimed by the worker thread right before the provider call, not here: a claim waiting in
            // the pool's queue that a kill -9 cut short would look exactly like a call in flight ("outcome
            // unknown"), though it never reached the provider. Unclaimed, it simply stays due. For the same reason
            // the sender gets ready (fetches its token) before the claim, not inside send.
            workers.execute(() -> {
                Ledger.Claimed claimed = null;
                try {
                    Ledger.Due due = ledger.peekNext(key.paceKey()).orElse(null);
                    if (due != null && prepared(sender, due)) {
                        claimed = ledger.claim(due, properties.drain().lease()).orElse(null);
                        if (claimed != null) {
                            deliver(sender, claimed);
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("delivery {} failed to record: {}", claimed == null ? key.paceKey() : claimed.notificationId(),
                            e.toString());
                } finally {
                    inFlight.remove(key.paceKey());
                    slots.release();
                }
            });
        }
    }

    /**
     * {@link ChannelSender#prepare} before the claim. A failure is not a delivery failure: the row stays due, no
     * attempt is spent, and a later pass (paced like a send) tries again.
     */
    private boolean prepared(ChannelSender sender, Ledger.Due due) {
        try {
            sender.prepare(due.command());
            return true;
        } catch (RuntimeException e) {
            log.info("delivery {} not ready, left due: {}", due.notificationId(), e.getClass().getSimpleName());
            return false;
        }
    }

    private void deliver(ChannelSender sender, Ledger.Claimed claimed) {
        SendReceipt receipt;
        try {
            receipt = sender.send(claimed.command());
        } catch (RuntimeException e) {
            receipt = SendReceipt.transientFailure(io.switchboard.contracts.notification.DeliveryReason.PROVIDER_ERROR,
                    e.getClass().getSimpleName());
        }
        switch (receipt.status()) {
            case DELIVERED -> ledger.complete(claimed, DeliveryOutcome.DELIVERED, null, receipt.reasonText(),
                    receipt.providerMessageId(), receipt.providerChannelId());
            case PERMANENT -> ledger.complete(claimed, DeliveryOutcome.FAILED, receipt.reason(), receipt.reasonText(), null);
            case NOT_SENT -> ledger.complete(claimed, DeliveryOutcome.NOT_SENT, receipt.reason(), receipt.reasonText(), null);
            case WAITING -> ledger.waitFor(claimed, receipt.retryAfter() == null ? Duration.ofSeconds(1) : receipt.retryAfter(),
                    receipt.reasonText());
            case RATE_LIMITED -> {
                Duration wait = receipt.retryAfter() == null ? Duration.ofSeconds(1) : receipt.retryAfter();
                pacer.block(receipt.scope() == SendReceipt.Scope.WORKSPACE ? claimed.workspaceKey() : claimed.paceKey(), wait);
                ledger.retryLater(claimed, wait, receipt.reason(), receipt.reasonText());
            }
            case TRANSIENT -> {
                if (claimed.attempts() >= properties.retry().maxAttempts()) {
                    ledger.complete(claimed, DeliveryOutcome.FAILED, receipt.reason(), receipt.reasonText(), null);
                } else {
                    ledger.retryLater(claimed, backoff(claimed.attempts()), receipt.reason(), receipt.reasonText());
                }
            }
        }
    }

    /** Exponential backoff with full jitter on the upper half: initial × 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        long initial = properties.retry().initialBackoff().toMillis();
        long cap = properties.retry().maxBackoff().toMillis();
        long exp = Math.min(cap, initial * (1L << Math.min(20, Math.max(0, attempt - 1))));
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    List<String> inFlight() {
        return new ArrayList<>(inFlight);
    }
}

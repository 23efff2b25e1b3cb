package io.switchboard.notifier.inapp;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.notifier.NotifierProperties;

/**
 * The inbox streams (Server-Sent Events) open on this instance, by practice and user. New items and unread
 * counts are pushed when an {@link InboxSignal} arrives from PostgreSQL ({@link InboxSignalListener}), so a change
 * made on any instance reaches every stream. Pushes and heartbeats run on one thread of their own: a slow client
 * never holds up the listener or a request thread.
 *
 * <p>Events: {@code unread} ({@code {"unread": n}}, on connect and whenever the count changes), {@code item} (a new
 * {@link InboxItem}, its id as the event id) and a comment line every {@code inbox.heartbeat}.
 */
@Component
public class InboxStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

    private final Inbox inbox;
    private final NotifierProperties.Inbox settings;
    private final Map<Key, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService push = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inbox-push");
        thread.setDaemon(true);
        return thread;
    });

    public InboxStreams(Inbox inbox, NotifierProperties properties, MeterRegistry meters) {
        this.inbox = inbox;
        this.settings = properties.inbox();
        long every = settings.heartbeat().toMillis();
        push.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        Gauge.builder("notifier.inbox.streams", this, InboxStreams::open)
                .description("Inbox streams open on this instance")
                .register(meters);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream first thing on shutdown (highest phase): an open stream would otherwise hold the web
     * server's graceful shutdown for its whole timeout. The browsers reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        push.shutdownNow();
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    public record UnreadCount(long unread) {
    }

    /** Opens a stream for the user and sends the current unread count at once (the page's starting point). */
    public SseEmitter open(UUID practiceId, UUID userId) {
        Key key = new Key(practiceId, userId);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        emitter.onCompletion(() -> remove(key, emitter));
        // Completing on timeout ends the response cleanly; the browser's EventSource reconnects.
        emitter.onTimeout(() -> {
            remove(key, emitter);
            emitter.complete();
        });
        emitter.onError(e -> remove(key, emitter));
        send(key, emitter, SseEmitter.event().name("unread").data(new UnreadCount(inbox.unreadCount(practiceId, userId)),
                MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Called by the listener thread: pushes the signalled change to this instance's streams of that user, if any. */
    void onSignal(InboxSignal signal) {
        Key key = new Key(signal.practiceId(), signal.userId());
        if (!streams.containsKey(key)) {
            return;
        }
        push.execute(() -> deliver(key, signal));
    }

    /** After the listener reconnected: signals may have been missed, so every stream gets its count again. */
    void resync() {
        for (Key key : streams.keySet()) {
            push.execute(() -> deliver(key, new InboxSignal(key.practiceId(), key.userId(), null)));
        }
    }

    private void deliver(Key key, InboxSignal signal) {
        Set<SseEmitter> emitters = streams.get(key);
        if (emitters == null || emitters.isEmpty()) {
            return;
        }
        try {
            if (signal.itemId() != null) {
                inbox.find(key.practiceId(), key.userId(), signal.itemId()).ifPresent(item -> emitters.forEach(emitter ->
                        send(key, emitter, SseEmitter.event().name("item").id(item.id().toString())
                                .data(item, MediaType.APPLICATION_JSON))));
            }
            UnreadCount unread = new UnreadCount(inbox.unreadCount(key.practiceId(), key.userId()));
            emitters.forEach(emitter -> send(key, emitter, SseEmitter.event().name("unread")
                    .data(unread, MediaType.APPLICATION_JSON)));
        } catch (RuntimeException e) {
            log.warn("inbox push failed: {}", e.toString());
        }
    }

    private void heartbeat() {
        streams.forEach((key, emitters) -> emitters.forEach(emitter ->
                send(key, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    private void send(Key key, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the emitter already completed): forget it.
            remove(key, emitter);
            emitter.completeWithError(gone);
        }
    }

    private void remove(Key key, SseEmitter emitter) {
        streams.computeIfPresent(key, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private record Key(UUID practiceId, UUID userId) {
    }
}

package io.switchboard.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every error body (status 400 and up) any {@link Api} of this test JVM received, for suites that prove no secret
 * ever shows in one. Bounded: at most {@value #MAX_BODIES} bodies of at most {@value #MAX_LENGTH} characters each
 * (error bodies are short; the cap only keeps a runaway suite from filling the heap).
 */
public final class ErrorBodies {

    static final int MAX_BODIES = 50_000;
    static final int MAX_LENGTH = 16_384;

    private static final ConcurrentLinkedQueue<String> BODIES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ErrorBodies() {
    }

    static void record(String body) {
        if (body == null || body.isEmpty() || COUNT.incrementAndGet() > MAX_BODIES) {
            return;
        }
        BODIES.add(body.length() > MAX_LENGTH ? body.substring(0, MAX_LENGTH) : body);
    }

    /** The error bodies received so far, oldest first. */
    public static List<String> received() {
        return new ArrayList<>(BODIES);
    }
}

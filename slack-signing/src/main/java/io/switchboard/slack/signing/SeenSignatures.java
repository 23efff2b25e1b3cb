package io.switchboard.slack.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Slack signatures accepted recently, so a captured request cannot be replayed while its timestamp
 * is still inside the window. An entry is kept for twice the tolerance (a timestamp can be first seen
 * five minutes early and replayed until five minutes late); at most {@code capacity} entries are kept,
 * the oldest dropped first — only genuine Slack requests are recorded, so filling it takes more real
 * interactions in ten minutes than one instance ever sees.
 */
public final class SeenSignatures {

    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    public SeenSignatures(Clock clock, Duration retention, int capacity) {
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    /** True the first time a signature is offered within the retention; false for a replay. */
    public synchronized boolean firstSighting(String signature) {
        Instant now = clock.instant();
        forgetExpired(now);
        Instant expiry = expiries.get(signature);
        if (expiry != null && expiry.isAfter(now)) {
            return false;
        }
        expiries.put(signature, now.plus(retention));
        if (expiries.size() > capacity) {
            Iterator<String> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return expiries.size();
    }

    private void forgetExpired(Instant now) {
        // Entries are in insertion order with one retention, so the expired ones are at the head.
        Iterator<Map.Entry<String, Instant>> entries = expiries.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().isAfter(now)) {
            entries.remove();
        }
    }
}

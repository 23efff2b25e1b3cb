package io.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** Logs entries at a steady rate (open loop: the schedule does not wait for answers) or as fast as it can. */
final class Load {

    private Load() {
    }

    /** {@code count} entries at {@code rate}/s; {@code entry} logs the i-th one. */
    static List<Practice.Accepted> atRate(int count, double rate, IntFunction<CompletableFuture<Practice.Accepted>> entry) {
        List<CompletableFuture<Practice.Accepted>> all = new ArrayList<>();
        long start = System.nanoTime();
        long interval = (long) (1_000_000_000L / rate);
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 1_000_000) {
                ServiceJvm.sleep(wait / 1_000_000);
            }
            all.add(entry.apply(i));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** {@code count} entries with at most {@code concurrency} in flight. */
    static List<Practice.Accepted> asFastAsPossible(int count, int concurrency,
                                                    IntFunction<CompletableFuture<Practice.Accepted>> entry) {
        List<Practice.Accepted> results = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(concurrency);
        List<CompletableFuture<Practice.Accepted>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            permits.acquireUninterruptibly();
            all.add(entry.apply(i).whenComplete((a, e) -> permits.release()));
        }
        all.forEach(f -> results.add(f.join()));
        return results;
    }
}

package io.switchboard.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.switchboard.devstack.process.Component;
import io.switchboard.devstack.process.StartupFailure;

/**
 * The components started so far, tier by tier (PostgreSQL, then infrastructure, services, gateway): it
 * notices the first one that fails or dies, and stops them all in reverse tier order, the members of a
 * tier side by side.
 */
final class RunningStack {

    private final TreeMap<Integer, List<Component>> tiers = new TreeMap<>();
    private final CompletableFuture<StartupFailure> failure = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private boolean stopping;

    /** Starts {@code component} as a member of {@code tier}, then watches it for as long as the stack runs. */
    void start(int tier, Component component, Duration timeout) throws StartupFailure {
        synchronized (this) {
            if (stopping) {
                throw new StartupFailure(component.name(), component.name() + " was not started: the stack is stopping",
                        null);
            }
            tiers.computeIfAbsent(tier, t -> new ArrayList<>()).add(component);
        }
        component.start(timeout);
        component.exited().thenAccept(how -> {
            if (!isStopping()) {
                failure.complete(new StartupFailure(component.name(),
                        component.name() + " stopped unexpectedly (" + how + ")", component.logFile()));
            }
        });
    }

    /** Records a failure unless an earlier one was recorded, or the stack is being stopped anyway. */
    void fail(StartupFailure cause) {
        if (!isStopping()) {
            failure.complete(cause);
        }
    }

    /** Completes with the first failure: a component that did not start, or one that died. */
    CompletableFuture<StartupFailure> failure() {
        return failure;
    }

    /** The launcher's own process and those of the started components. */
    synchronized List<ProcessHandle> processes() {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(ProcessHandle.current());
        tiers.values().forEach(tier -> tier.forEach(component -> component.processHandle().ifPresent(processes::add)));
        return processes;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * Stops everything, last tier first. Returns true to the caller that did the stopping; any other
     * caller waits until it is done and gets false.
     */
    boolean stopAll(Console console) {
        List<List<Component>> order;
        synchronized (this) {
            if (stopping) {
                order = null;
            } else {
                stopping = true;
                order = new ArrayList<>(tiers.descendingMap().values().stream().map(List::copyOf).toList());
            }
        }
        if (order == null) {
            stopped.join();
            return false;
        }
        try {
            for (List<Component> tier : order) {
                List<CompletableFuture<Void>> stops = tier.stream()
                        .map(component -> CompletableFuture.runAsync(() -> {
                            try {
                                component.stop();
                                console.line("  stopped %s", component.name());
                            } catch (RuntimeException e) {
                                // The other components still have to be stopped.
                                console.line("  could not stop %s: %s", component.name(), e.getMessage());
                            }
                        }, runnable -> daemon(runnable, "stop-" + component.name()).start()))
                        .toList();
                CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            stopped.complete(null);
        }
        return true;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}

package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing twice: each scenario logs uniquely keyed entries (each one Slack post) at a steady
 * rate, injects a fault mid-stream, heals it, and compares what the register accepted with what the sandbox
 * received and what the delivery reports say.
 */
public final class FaultSuite {

    /** Notifier settings for the suite: no pacing in the way, and a lease short enough to settle a crash in time. */
    public static final Map<String, String> NOTIFIER_SETTINGS = Map.of(
            "SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELRATE", "1000",
            "SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELBURST", "1000",
            "SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACERATE", "10000",
            "SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACEBURST", "10000",
            "SWITCHBOARD_NOTIFIER_RETRY_INITIALBACKOFF", "500ms",
            "SWITCHBOARD_NOTIFIER_RETRY_MAXBACKOFF", "5s",
            "SWITCHBOARD_NOTIFIER_RETRY_MAXATTEMPTS", "8",
            "SWITCHBOARD_NOTIFIER_DRAIN_LEASE", "30s");

    public static final BenchStack.Topology TOPOLOGY = new BenchStack.Topology(1, 0, NOTIFIER_SETTINGS);

    /** A fault: how to inject it, how long it lasts, how to heal it. */
    public record Fault(String name, Runnable inject, Duration hold, Runnable heal) {
    }

    /** One scenario's outcome. */
    public record Result(String scenario, int accepted, int refused, int delivered, int reportedFailed,
                         int outcomeUnknown, int lost, int duplicated, int duplicatedAfterTimeout,
                         double firstDeliveryAfterFaultSeconds, double settledAfterHealSeconds, int injected,
                         List<String> lostEntries, String note) {

        public boolean clean() {
            return lost == 0 && duplicated == 0;
        }
    }

    private final BenchStack stack;
    private final Console console;
    private final Practice practice;

    public FaultSuite(BenchStack stack, Console console) throws Exception {
        this.stack = stack;
        this.console = console;
        stack.slackLimitsOff();
        this.practice = Practice.arrange(stack, 10, 1);
    }

    public List<Fault> faults(boolean quick) {
        BenchStack s = stack;
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("kill -9 of the Slack worker mid-batch", () -> s.service("notifier-slack-1").kill(),
                Duration.ZERO, () -> s.service("notifier-slack-1").restart().awaitHealthy()));
        if (quick) {
            return faults;
        }
        faults.add(new Fault("kill -9 of the router", () -> s.service("notifier-router").kill(),
                Duration.ZERO, () -> s.service("notifier-router").restart().awaitHealthy()));
        faults.add(new Fault("Kafka broker restart", s.kafka::stop, Duration.ofSeconds(5), s.kafka::start));
        faults.add(new Fault("PostgreSQL stopped for 20 s", s.postgres::stop, Duration.ofSeconds(20), s.postgres::start));
        faults.add(new Fault("sandbox answers 500 to 20% for 20 s",
                () -> s.slackProxy.inject(FaultProxy.Mode.ERROR_500, 0.2), Duration.ofSeconds(20), s.slackProxy::heal));
        faults.add(new Fault("sandbox times out 20% (after posting) for 20 s",
                () -> s.slackProxy.inject(FaultProxy.Mode.TIMEOUT_AFTER_POST, 0.2), Duration.ofSeconds(20),
                s.slackProxy::heal));
        faults.add(new Fault("sandbox resets 20% of connections for 20 s",
                () -> s.slackProxy.inject(FaultProxy.Mode.RESET, 0.2), Duration.ofSeconds(20), s.slackProxy::heal));
        faults.add(new Fault("429 storm (every post, Retry-After 1) for 10 s",
                () -> s.slackProxy.inject(FaultProxy.Mode.STORM_429, 1.0), Duration.ofSeconds(10), s.slackProxy::heal));
        return faults;
    }

    /**
     * Before the first fault, not counted: {@code entries} through the whole path until the sandbox has them all, so
     * the first fault meets services that are sending (a worker killed "mid-batch" is mid-batch), not still warming up.
     */
    public void warmUp(int entries) {
        long since = System.currentTimeMillis();
        Set<String> ids = new HashSet<>();
        for (Practice.Accepted a : Load.atRate(entries, 20, i -> practice.log(0, i, "warm-up " + i))) {
            if (a.ok()) {
                ids.add(a.entryId());
            }
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Receipts.read(stack.sandbox, since).slack.keySet().containsAll(ids) && System.currentTimeMillis() < deadline) {
            ServiceJvm.sleep(300);
        }
        console.line("  warmed up: %d entries delivered", ids.size());
    }

    /**
     * Logs {@code count} entries at {@code rate}/s (more if some are refused while the fault lasts, for at most
     * twice as long), injects the fault after a third of them, holds it, heals it, then waits until every
     * accepted entry is delivered or reported failed (or {@code settleTimeout} passes).
     */
    public Result run(Fault fault, int count, int rate, Duration settleTimeout) {
        console.line("fault: %s — %d entries at %d/s", fault.name(), count, rate);
        stack.slackProxy.resetCount();
        long since = System.currentTimeMillis();
        List<Practice.Accepted> answers = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Practice.Accepted>> pending = new ArrayList<>();
        long faultAt = 0;
        String atFault = "(not reached)";
        java.util.concurrent.atomic.AtomicLong healed = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Void> faultDone = null;
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        int sent = 0;
        long deadline = start + Duration.ofSeconds(Math.max(30, 4L * count / rate) + fault.hold().toSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            int inFlight = sent - answers.size();
            if (accepted(answers) + inFlight >= count) {
                // Enough sent, unless some of those in flight are refused (PostgreSQL down): then send more.
                if (inFlight == 0) {
                    break;
                }
                ServiceJvm.sleep(20);
                continue;
            }
            if (faultDone == null && sent >= count / 3) {
                faultAt = System.currentTimeMillis();
                long faultStart = faultAt;
                console.line("  inject: %s", fault.name());
                fault.inject().run();
                atFault = stateAtFault(since);
                console.line("  at the fault: %s", atFault);
                faultDone = CompletableFuture.runAsync(() -> {
                    ServiceJvm.sleep(fault.hold().toMillis());
                    fault.heal().run();
                    healed.set(System.currentTimeMillis());
                    console.line("  healed after %.1f s", (System.currentTimeMillis() - faultStart) / 1000.0);
                });
            }
            long due = start + sent * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                ServiceJvm.sleep(wait / 1_000_000);
            } else if (wait < -1_000_000_000L) {
                // Fell behind (answers were slow): keep the rate from here rather than bursting to catch up.
                start = System.nanoTime() - sent * intervalNanos;
            }
            int n = sent++;
            pending.add(practice.log(0, n, "fault entry " + n).thenApply(a -> {
                answers.add(a);
                return a;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        if (faultDone != null) {
            faultDone.join();
        }
        long healedAt = healed.get() == 0 ? System.currentTimeMillis() : healed.get();
        console.line("  stream done: %d accepted, %d refused; settling", accepted(answers), answers.size() - accepted(answers));

        Set<String> ids = new HashSet<>();
        answers.stream().filter(Practice.Accepted::ok).forEach(a -> ids.add(a.entryId()));
        Map<String, String> reported = new ConcurrentHashMap<>();
        long settleDeadline = System.currentTimeMillis() + settleTimeout.toMillis();
        long lastReportCheck = 0;
        Receipts receipts;
        while (true) {
            receipts = Receipts.read(stack.sandbox, since);
            Set<String> open = new HashSet<>(ids);
            open.removeAll(receipts.slack.keySet());
            open.removeAll(reported.keySet());
            if (open.isEmpty() || System.currentTimeMillis() > settleDeadline) {
                break;
            }
            if (System.currentTimeMillis() - lastReportCheck > 5000) {
                lastReportCheck = System.currentTimeMillis();
                for (String entry : open) {
                    for (JsonNode delivery : practice.deliveries(entry)) {
                        String outcome = delivery.path("outcome").asText();
                        if (outcome.equals("FAILED") || outcome.equals("NOT_SENT")) {
                            reported.put(entry, delivery.path("reason").asText() + ": "
                                    + delivery.path("reasonText").asText(""));
                        }
                    }
                }
            }
            ServiceJvm.sleep(500);
        }
        long settledAt = System.currentTimeMillis();
        // Settled entries were all delivered: settle time counts from the heal, not from the last poll.
        long lastReceipt = receipts.slack.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max()
                .orElse(settledAt);
        if (reported.isEmpty()) {
            settledAt = Math.min(settledAt, Math.max(lastReceipt, healedAt));
        }
        // Reports for delivered entries too: a post the sandbox got may still be reported failed (outcome unknown).
        int outcomeUnknown = 0;
        for (String entry : reported.keySet()) {
            if (reported.get(entry).contains("outcome unknown")) {
                outcomeUnknown++;
            }
        }
        Set<String> held = stack.slackProxy.heldEntries();
        int delivered = 0;
        int duplicated = 0;
        int duplicatedAfterTimeout = 0;
        List<String> lost = new ArrayList<>();
        for (String entry : ids) {
            List<Long> times = receipts.slack.get(entry);
            if (times != null) {
                delivered++;
                if (times.size() > 1) {
                    if (held.contains(entry)) {
                        duplicatedAfterTimeout++;
                    } else {
                        duplicated++;
                    }
                }
            } else if (!reported.containsKey(entry)) {
                lost.add(entry);
            }
        }
        // First post received after the fault was over (the heal, e.g. a restart, may take a while).
        long firstAfterHeal = Long.MAX_VALUE;
        for (List<Long> times : receipts.slack.values()) {
            for (long t : times) {
                if (t >= healedAt && t < firstAfterHeal) {
                    firstAfterHeal = t;
                }
            }
        }
        Result result = new Result(fault.name(), ids.size(), answers.size() - ids.size(), delivered, reported.size(),
                outcomeUnknown, lost.size(), duplicated, duplicatedAfterTimeout,
                firstAfterHeal == Long.MAX_VALUE ? Double.NaN : (firstAfterHeal - faultAt) / 1000.0,
                (settledAt - healedAt) / 1000.0, stack.slackProxy.injected(), lost.stream().limit(5).toList(),
                (reported.isEmpty() ? "" : "failed reasons: " + new HashSet<>(reported.values()).stream().limit(3).toList()
                        + "; ") + "at the fault: " + atFault);
        console.line("  %s", result);
        return result;
    }

    /**
     * What was under way when the fault struck: posts the sandbox had received, and the ledger's rows claimed for
     * sending (SENDING) with how long they had been claimed — a kill -9 makes exactly those "outcome unknown".
     */
    private String stateAtFault(long since) {
        int received = Receipts.read(stack.sandbox, since).slack.size();
        try (java.sql.Connection connection = stack.postgres.connect();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select count(*),"
                     + " coalesce(min(extract(epoch from clock_timestamp() - updated_at)) * 1000, 0),"
                     + " coalesce(max(extract(epoch from clock_timestamp() - updated_at)) * 1000, 0)"
                     + " from notifier.delivery where status = 'SENDING'")) {
            rows.next();
            return String.format("%d posts received, %d rows being sent (claimed %.0f–%.0f ms before)", received,
                    rows.getLong(1), rows.getDouble(2), rows.getDouble(3));
        } catch (java.sql.SQLException e) {
            return received + " posts received, ledger unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static int accepted(List<Practice.Accepted> answers) {
        synchronized (answers) {
            return (int) answers.stream().filter(Practice.Accepted::ok).count();
        }
    }
}

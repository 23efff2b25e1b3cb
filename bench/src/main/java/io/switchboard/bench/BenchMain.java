package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench.sh [--quick] [--scenario=floor,latency,throughput,drain,noisy] [--runs=N] [--out=file.md]}:
 * the benchmarks, each figure beside its baseline from the same run; writes a markdown report.
 */
public final class BenchMain {

    /** Slack's limits time-scaled ×10 for the drain and noisy-neighbour scenarios: 1/s per channel, 300/min per workspace. */
    static final int SCALE = 10;
    static final int CHANNEL_RATE = SCALE;
    static final int CHANNEL_BURST = 3;
    static final int WORKSPACE_RATE = 5 * SCALE;
    static final int WORKSPACE_BURST = 3 * SCALE;
    static final int LATENCY_CHANNELS = 40;

    private final BenchStack stack;
    private final Console console;
    private final boolean quick;
    private final int runs;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Double> floorP50 = new LinkedHashMap<>();
    private Practice practice;

    private BenchMain(BenchStack stack, Console console, boolean quick, int runs) {
        this.stack = stack;
        this.console = console;
        this.quick = quick;
        this.runs = runs;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // The embedded sandbox's and token endpoint's threads would keep the JVM alive after a failure.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Machine.markStart();
        boolean quick = false;
        int runs = -1;
        Set<String> scenarios = new HashSet<>(List.of("floor", "latency", "throughput", "drain", "noisy"));
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path out = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--scenario=")) {
                scenarios = new HashSet<>(List.of(arg.substring(11).split(",")));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                System.err.println("usage: ./bench.sh [--quick] [--scenario=floor,latency,throughput,drain,noisy]"
                        + " [--runs=N] [--out=file.md]");
                System.exit(2);
            }
        }
        if (runs < 1) {
            runs = quick ? 2 : 3;
        }
        if (out == null) {
            out = root.resolve("bench/results/" + LocalDate.now() + (quick ? "-quick" : "") + ".md");
        }
        Console console = new Console(System.out);
        console.line("starting the stack (PostgreSQL, Kafka, sandbox, register, integration, notifier router + Slack worker + email worker)");
        BenchStack.Topology topology = new BenchStack.Topology(1, 1, FaultSuite.NOTIFIER_SETTINGS);
        String report;
        try (BenchStack stack = BenchStack.start(root, root.resolve("bench/target/bench-run"), topology, console)) {
            BenchMain bench = new BenchMain(stack, console, quick, runs);
            report = bench.run(scenarios);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        console.line("report: %s", out);
        System.out.println(report);
        System.exit(0);
    }

    String run(Set<String> scenarios) throws Exception {
        md.append("# Switchboard benchmarks — ").append(LocalDateTime.now().withNano(0)).append(quick ? " (--quick)" : "")
                .append("\n\n");
        md.append("Machine: ").append(Machine.describe()).append("\n\n");
        md.append("Stack: PostgreSQL 17 (zonky) and a Kafka 4.1 KRaft broker as child processes; register-, integration-"
                + " and notifier-service from their jars as separate JVMs (`-Xmx256m -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1`, as devstack runs them; each a static Kafka group member named after the"
                + " instance): notifier as a router instance (router, in-app,"
                + " Teams) plus one `SWITCHBOARD_NOTIFIER_CHANNELS=slack` and one `=email` worker; the provider sandbox"
                + " embedded in the harness JVM, stamping every call with its receive time. The harness calls the"
                + " services directly (no gateway). Every figure is the **median / p99 over " + runs + " runs** of the"
                + " per-run value, unless marked otherwise; baselines come from the same run of the harness.\n\n");
        practice = Practice.arrange(stack, LATENCY_CHANNELS, 1);
        stack.slackLimitsOff();
        if (scenarios.contains("floor") || scenarios.contains("latency")) {
            floor();
        }
        if (scenarios.contains("latency")) {
            latency();
        }
        if (scenarios.contains("throughput")) {
            throughput();
        }
        if (scenarios.contains("drain") || scenarios.contains("noisy")) {
            pacedWorker();
        }
        if (scenarios.contains("drain")) {
            drain();
        }
        if (scenarios.contains("noisy")) {
            noisy();
        }
        md.append("Load average at the end: ").append(Machine.load()).append(".\n");
        return md.toString();
    }

    // ---- 1. latency floor

    private void floor() throws Exception {
        console.line("scenario: latency floor");
        List<Stats> kafka = new ArrayList<>();
        List<Stats> slack = new ArrayList<>();
        List<Stats> smtp = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            kafka.add(Stats.of(Floor.kafka(stack, quick ? 300 : 1000, 200)));
            slack.add(Stats.of(Floor.slack(stack, practice, quick ? 100 : 200)));
            smtp.add(Stats.of(Floor.smtp(stack, quick ? 50 : 100)));
        }
        md.append("## 1. Latency floor (the same broker and sandbox, nothing of ours in between)\n\n");
        md.append("| path | samples/run | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
        row("Kafka produce (acks=all) → consume, 200/s", kafka);
        row("Slack `chat.postMessage` direct: send → sandbox receive", slack);
        row("SMTP direct (new connection each): send → sandbox receive", smtp);
        md.append("\n");
        floorP50.put("kafka", median(kafka, Stats::p50));
        floorP50.put("slack", median(slack, Stats::p50));
    }

    private void row(String name, List<Stats> perRun) {
        md.append(String.format("| %s | %d | %s | %s | %s |%n", name, perRun.get(0).count(),
                Stats.overRuns(perRun.stream().map(Stats::p50).toList(), "%.1f"),
                Stats.overRuns(perRun.stream().map(Stats::p95).toList(), "%.1f"),
                Stats.overRuns(perRun.stream().map(Stats::p99).toList(), "%.1f")));
    }

    private static double median(List<Stats> perRun, java.util.function.ToDoubleFunction<Stats> figure) {
        return Stats.of(perRun.stream().map(figure::applyAsDouble).toList()).p50();
    }

    // ---- 2. end-to-end latency (+ cost over the same runs, + profile of the 100/s runs)

    private void latency() throws Exception {
        warmUp();
        console.line("scenario: end-to-end latency");
        int[] rates = {20, 100, 300};
        double[] seconds = quick ? new double[] {8, 5, 3} : new double[] {15, 10, 6};
        Map<Integer, List<Stats>> byRate = new LinkedHashMap<>();
        Map<Integer, List<Hops>> hopsByRate = new LinkedHashMap<>();
        Map<Integer, List<Double>> achieved = new LinkedHashMap<>();
        Map<String, Long> pids = stack.pids();
        Map<String, Double> cpuBefore = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            cpuBefore.put(name, cpu(name, pid));
            Proc.resetPeak(pid);
        });
        int deliveries = 0;
        Profiler.Profile profile = null;
        String profiled = null;
        for (int rate : rates) {
            for (int run = 0; run < runs; run++) {
                boolean profileThis = rate == 100 && run == 0;
                if (profileThis) {
                    pids.forEach((name, pid) -> {
                        if (name.startsWith("notifier") || name.equals("register")) {
                            Profiler.start(pid);
                        }
                    });
                }
                int count = (int) (rate * seconds[indexOf(rates, rate)]);
                long since = System.currentTimeMillis();
                long began = System.nanoTime();
                List<Practice.Accepted> accepted = Load.atRate(count, rate,
                        i -> practice.log(0, i % LATENCY_CHANNELS, "latency " + rate + "/" + i));
                achieved.computeIfAbsent(rate, r -> new ArrayList<>()).add(count / ((System.nanoTime() - began) / 1e9));
                Receipts receipts = awaitSlack(accepted, since, 90_000);
                List<Double> latencies = new ArrayList<>();
                for (Practice.Accepted a : accepted) {
                    List<Long> times = a.ok() ? receipts.slack.get(a.entryId()) : null;
                    if (times != null) {
                        latencies.add((double) (times.stream().min(Long::compare).orElseThrow() - a.answeredAtMillis()));
                    }
                }
                deliveries += latencies.size();
                Stats stats = Stats.of(latencies);
                byRate.computeIfAbsent(rate, r -> new ArrayList<>()).add(stats);
                hopsByRate.computeIfAbsent(rate, r -> new ArrayList<>()).add(hops(accepted, receipts, since));
                console.line("  %d/s run %d: %d accepted, %d delivered, p50 %.0f ms p99 %.0f ms", rate, run + 1,
                        accepted.stream().filter(Practice.Accepted::ok).count(), latencies.size(), stats.p50(), stats.p99());
                if (profileThis) {
                    Map<String, Profiler.Profile> profiles = new LinkedHashMap<>();
                    for (Map.Entry<String, Long> e : pids.entrySet()) {
                        if (e.getKey().startsWith("notifier") || e.getKey().equals("register")) {
                            Path file = stack.work.resolve(e.getKey() + ".jfr");
                            Profiler.dump(e.getValue(), file);
                            profiles.put(e.getKey(), Profiler.summarise(file, 12));
                        }
                    }
                    this.profiles = profiles;
                }
                ServiceJvm.sleep(1000);
            }
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> peak = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            cpu.put(name, cpu(name, pid) - cpuBefore.get(name));
            peak.put(name, Proc.peakRssMb(pid));
        });

        double floorSlack = floorP50.getOrDefault("slack", Double.NaN);
        double floorKafka = floorP50.getOrDefault("kafka", Double.NaN);
        md.append("## 2. End-to-end latency: entry created (HTTP 201 received) → Slack post received at the sandbox\n\n");
        md.append("Sandbox limits off, notifier pacing out of the way; ").append(quick ? 400 : 800)
                .append(" entries went through the same path unmeasured first (JIT warm-up); each entry shared to one of ")
                .append(LATENCY_CHANNELS)
                .append(" channels of one workspace (round robin). Floor p50 (same run): Slack direct ")
                .append(String.format("%.1f", floorSlack)).append(" ms, Kafka hop ")
                .append(String.format("%.1f", floorKafka)).append(" ms.\n\n");
        md.append("| offered rate | answered rate (201s/s) | entries/run | p50 ms | p95 ms | p99 ms | p50 ÷ Slack floor | p50 ÷ Kafka hop |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int rate : rates) {
            List<Stats> perRun = byRate.get(rate);
            double p50 = median(perRun, Stats::p50);
            md.append(String.format("| %d/s | %s/s | %d | %s | %s | %s | %.0f× | %.0f× |%n", rate,
                    Stats.overRuns(achieved.get(rate), "%.0f"), perRun.get(0).count(),
                    Stats.overRuns(perRun.stream().map(Stats::p50).toList(), "%.0f"),
                    Stats.overRuns(perRun.stream().map(Stats::p95).toList(), "%.0f"),
                    Stats.overRuns(perRun.stream().map(Stats::p99).toList(), "%.0f"),
                    p50 / floorSlack, p50 / floorKafka));
        }
        md.append("\n### Where the time goes, hop by hop (p50 ms of each hop, median over runs)\n\n");
        md.append("From timestamps on one clock: the harness's 201; the router's dedupe row (`notifier.processed_event`,"
                + " consumer `notifier-router`, committed with the routing); the ledger row's `accepted_at` (the Slack"
                + " listener's insert); the sandbox's receive time.\n\n");
        md.append("| rate | 201 → published (register's outbox relay; Kafka CreateTime) | published → routed (Kafka → router consumer → routing committed) | routed → in the ledger (router outbox relay → Kafka → Slack listener) | ledger → Slack post received (drainer + send) |\n|---:|---:|---:|---:|---:|\n");
        for (int rate : rates) {
            List<Hops> hops = hopsByRate.get(rate);
            md.append(String.format("| %d/s | %s | %s | %s | %s |%n", rate,
                    Stats.overRuns(hops.stream().map(h -> h.toPublished.p50()).toList(), "%.0f"),
                    Stats.overRuns(hops.stream().map(h -> h.toRouted.p50()).toList(), "%.0f"),
                    Stats.overRuns(hops.stream().map(h -> h.toLedger.p50()).toList(), "%.0f"),
                    Stats.overRuns(hops.stream().map(h -> h.toProvider.p50()).toList(), "%.0f")));
        }
        md.append("\n");
        if (profiles != null) {
            md.append("### Profile (JFR `jdk.ExecutionSample`, the first 100/s run)\n\n");
            for (Map.Entry<String, Profiler.Profile> e : profiles.entrySet()) {
                Profiler.Profile p = e.getValue();
                md.append("**").append(e.getKey()).append("** — ").append(p.samples()).append(" CPU samples (JFR samples"
                        + " running Java threads every 10–20 ms).\n\n");
                md.append("| top frame | samples | | first Switchboard frame | samples |\n|---|---:|---|---|---:|\n");
                List<Map.Entry<String, Integer>> top = new ArrayList<>(p.topFrames().entrySet());
                List<Map.Entry<String, Integer>> own = new ArrayList<>(p.ownFrames().entrySet());
                for (int i = 0; i < Math.max(top.size(), own.size()) && i < 10; i++) {
                    md.append(String.format("| %s | %s | | %s | %s |%n",
                            i < top.size() ? "`" + top.get(i).getKey() + "`" : "", i < top.size() ? top.get(i).getValue() : "",
                            i < own.size() ? "`" + own.get(i).getKey() + "`" : "", i < own.size() ? own.get(i).getValue() : ""));
                }
                md.append("\nCPU samples by thread: ").append(p.threads()).append("\n\n");
                md.append("Time blocked (JFR socket/monitor/file events over their thresholds, summed over the ")
                        .append(String.format("%.0f", p.seconds())).append(" s recording), by thread and first Switchboard frame:\n\n");
                md.append("| thread — event in frame | ms |\n|---|---:|\n");
                p.blockedMillis().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
                md.append("\n");
            }
        }
        md.append("## 6. Cost per 1,000 deliveries (over all end-to-end latency runs: ").append(deliveries)
                .append(" Slack deliveries, each also an in-app item)\n\n");
        md.append("| process | CPU s in the runs | CPU s per 1,000 deliveries | peak RSS MB (during the runs) |\n|---|---:|---:|---:|\n");
        for (String name : cpu.keySet()) {
            md.append(String.format("| %s | %.1f | %.2f | %.0f |%n", name, cpu.get(name),
                    cpu.get(name) * 1000.0 / Math.max(1, deliveries), peak.get(name)));
        }
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        md.append(String.format("| **all processes** | %.1f | %.2f | |%n", total, total * 1000.0 / Math.max(1, deliveries)));
        md.append(String.format("%nThe harness row holds the load generator and the embedded sandbox. At %.1f CPU s per 1,000"
                + " deliveries for everything on the machine, its %d cores sustain about **%.0f entries/s end to end**"
                + " (each a Slack post and an in-app item, with its delivery reports); an offered rate above that queues,"
                + " at the first stage that takes work in faster than the rest can follow.%n%n", total * 1000.0 / Math.max(1, deliveries),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() * 1000.0 / (total * 1000.0 / Math.max(1, deliveries))));
    }

    private static double cpu(String name, long pid) {
        return name.equals(BenchStack.POSTGRES) ? Proc.treeCpuSeconds(pid) : Proc.cpuSeconds(pid);
    }

    /**
     * Not measured: the same path as the latency runs until the JIT has compiled it, so that the first run of the
     * lowest rate measures the services and not their warm-up (a production service runs warm).
     */
    private void warmUp() {
        int count = quick ? 400 : 800;
        console.line("warming up: %d entries through the whole path, not measured", count);
        long since = System.currentTimeMillis();
        List<Practice.Accepted> accepted = Load.asFastAsPossible(count, 8,
                i -> practice.log(0, i % LATENCY_CHANNELS, "warm-up " + i));
        awaitSlack(accepted, since, 120_000);
        ServiceJvm.sleep(1000);
    }

    private Map<String, Profiler.Profile> profiles;

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until every accepted entry's Slack post arrived (or the timeout). */
    private Receipts awaitSlack(List<Practice.Accepted> accepted, long since, long timeoutMillis) {
        Set<String> ids = new HashSet<>();
        accepted.stream().filter(Practice.Accepted::ok).forEach(a -> ids.add(a.entryId()));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Receipts receipts;
        do {
            ServiceJvm.sleep(300);
            receipts = Receipts.read(stack.sandbox, since);
        } while (!receipts.slack.keySet().containsAll(ids) && System.currentTimeMillis() < deadline);
        return receipts;
    }

    private Receipts awaitMail(List<Practice.Accepted> accepted, long since, long timeoutMillis) {
        Set<String> ids = new HashSet<>();
        accepted.stream().filter(Practice.Accepted::ok).forEach(a -> ids.add(a.entryId()));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Receipts receipts;
        do {
            ServiceJvm.sleep(300);
            receipts = Receipts.read(stack.sandbox, since);
        } while (!receipts.mail.keySet().containsAll(ids) && System.currentTimeMillis() < deadline);
        return receipts;
    }

    /** Per-hop latencies of one run. */
    record Hops(Stats toPublished, Stats toRouted, Stats toLedger, Stats toProvider) {
    }

    /**
     * entry id → when register's outbox relay published its event: the Kafka record's timestamp (CreateTime, set
     * by the relay's producer), read back from {@code register.correspondence.v1}.
     */
    private Map<String, Long> publishTimes(Set<String> ids) {
        Map<String, Long> times = new HashMap<>();
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", stack.kafka.bootstrapServers());
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                             new org.apache.kafka.common.serialization.StringDeserializer(),
                             new org.apache.kafka.common.serialization.StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor("register.correspondence.v1")
                    .stream().map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    Matcher uuids = UUID_PATTERN.matcher(record.value() == null ? "" : record.value());
                    while (uuids.find()) {
                        if (ids.contains(uuids.group())) {
                            times.putIfAbsent(uuids.group(), record.timestamp());
                            break;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            console.line("  could not read register.correspondence.v1: %s", e);
        }
        return times;
    }

    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Hops hops(List<Practice.Accepted> accepted, Receipts receipts, long since) throws Exception {
        Map<String, Practice.Accepted> byId = new HashMap<>();
        accepted.stream().filter(Practice.Accepted::ok).forEach(a -> byId.put(a.entryId(), a));
        Map<String, Long> published = publishTimes(byId.keySet());
        List<Double> toPublished = new ArrayList<>();
        List<Double> routed = new ArrayList<>();
        List<Double> ledger = new ArrayList<>();
        List<Double> provider = new ArrayList<>();
        try (Connection connection = stack.postgres.connect();
             PreparedStatement query = connection.prepareStatement("select convert_from(d.command, 'UTF8')::json->'source'->>'id',"
                     + " extract(epoch from p.processed_at) * 1000, extract(epoch from d.accepted_at) * 1000"
                     + " from notifier.delivery d left join notifier.processed_event p on p.consumer = 'notifier-router'"
                     + " and p.event_id = convert_from(d.command, 'UTF8')::json->>'sourceEventId'"
                     + " where d.channel = 'SLACK' and d.accepted_at >= to_timestamp(? / 1000.0)")) {
            query.setLong(1, since - 1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Practice.Accepted entry = byId.get(rows.getString(1));
                    List<Long> received = entry == null ? null : receipts.slack.get(entry.entryId());
                    if (received == null || rows.getObject(2) == null) {
                        continue;
                    }
                    double routedAt = rows.getDouble(2);
                    double acceptedAt = rows.getDouble(3);
                    Long publishedAt = published.get(entry.entryId());
                    if (publishedAt != null) {
                        toPublished.add((double) (publishedAt - entry.answeredAtMillis()));
                        routed.add(routedAt - publishedAt);
                    }
                    ledger.add(acceptedAt - routedAt);
                    provider.add(received.get(0) - acceptedAt);
                }
            }
        }
        return new Hops(Stats.of(toPublished), Stats.of(routed), Stats.of(ledger), Stats.of(provider));
    }

    // ---- 3. throughput and scaling

    private void throughput() throws Exception {
        console.line("scenario: throughput (a backlog drained by one, then two worker instances)");
        int backlog = quick ? 600 : 1000;
        Practice mail = Practice.arrange(stack, 1, LATENCY_CHANNELS);
        mail.emailOnly();
        md.append("## 3. Throughput: a backlog drained by one and by two worker instances\n\n");
        md.append("1 or 2 ready instances with `SWITCHBOARD_NOTIFIER_CHANNELS=<channel>` are frozen (SIGSTOP), ").append(backlog)
                .append(" entries are logged (the router publishes their commands; they wait in Kafka), the instances are"
                + " thawed (SIGCONT) and drain the backlog (listener → ledger → drainer → provider);"
                + " deliveries/s between the 10th and 90th percentile of receive times. Sandbox limits off, pacing out of"
                + " the way; Slack spread over ").append(LATENCY_CHANNELS).append(" channels, email over ")
                .append(LATENCY_CHANNELS).append(" mailboxes. Baseline: the direct-call floor above (one caller, sequential).\n\n");
        md.append("| channel | 1 instance deliveries/s | 2 instances deliveries/s | scaling factor |\n|---|---:|---:|---:|\n");
        for (String channel : List.of("slack", "email")) {
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            int rounds = quick ? 1 : Math.min(runs, 2);
            for (int round = 0; round < rounds; round++) {
                one.add(drainBacklog(channel, channel.equals("slack") ? practice : mail, backlog, 1));
                two.add(drainBacklog(channel, channel.equals("slack") ? practice : mail, backlog, 2));
            }
            double a = Stats.of(one).p50();
            double b = Stats.of(two).p50();
            md.append(String.format("| %s | %s | %s | %.2f× |%n", channel, Stats.overRuns(one, "%.0f"),
                    Stats.overRuns(two, "%.0f"), b / a));
            stack.removeService("notifier-" + channel + "-2");
        }
        md.append("\n");
    }

    /**
     * Runs {@code instances} instances of the channel's worker, all ready, freezes them (SIGSTOP), logs the backlog
     * (its commands wait in Kafka), thaws them at once (SIGCONT) and measures how fast they drain it.
     */
    private double drainBacklog(String channel, Practice p, int backlog, int instances) {
        String first = "notifier-" + channel + "-1";
        String second = "notifier-" + channel + "-2";
        List<ServiceJvm> workers = new ArrayList<>(List.of(stack.service(first)));
        if (instances == 2) {
            if (!stack.services.containsKey(second)) {
                stack.addNotifier(second, channel).awaitHealthy();
            }
            workers.add(stack.service(second));
        } else {
            stack.removeService(second);
        }
        // The consumer group settled on its members (each with partitions) before the clock starts.
        awaitGroup("notifier-" + channel, instances);
        workers.forEach(ServiceJvm::pause);
        long since = System.currentTimeMillis();
        List<Practice.Accepted> accepted;
        try {
            accepted = Load.asFastAsPossible(backlog, 8, i -> channel.equals("slack")
                    ? p.log(0, i % LATENCY_CHANNELS, "backlog " + i) : p.log(i, -1, "backlog " + i));
            // The router has to have published every command before the workers start.
            awaitRouted();
        } finally {
            workers.forEach(ServiceJvm::resume);
        }
        console.line("  %s: %d logged while %d instance(s) were frozen; thawed", channel,
                accepted.stream().filter(Practice.Accepted::ok).count(), instances);
        Receipts receipts = channel.equals("slack") ? awaitSlack(accepted, since, 240_000) : awaitMail(accepted, since, 240_000);
        List<Double> times = new ArrayList<>();
        receipts.of(channel).values().forEach(t -> times.add((double) t.get(0)));
        times.sort(null);
        double rate = Double.NaN;
        if (times.size() > 20) {
            double from = Stats.rank(times, 0.10);
            double to = Stats.rank(times, 0.90);
            rate = 0.8 * times.size() / ((to - from) / 1000.0);
        }
        console.line("  %s with %d instance(s): %d delivered, %.0f/s", channel, instances, times.size(), rate);
        return rate;
    }

    /** Until {@code group} is stable with {@code members} members, each holding partitions (at most 60 s). */
    private void awaitGroup(String group, int members) {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", stack.kafka.bootstrapServers());
        long deadline = System.currentTimeMillis() + 60_000;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            while (System.currentTimeMillis() < deadline) {
                var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                // Each instance runs the channel's listener with several consumers: count instances by client host.
                long instances = description.members().stream()
                        .filter(m -> !m.assignment().topicPartitions().isEmpty())
                        .map(m -> m.groupInstanceId().map(id -> id.substring(0, id.indexOf('.'))).orElse(m.consumerId()))
                        .distinct().count();
                if (description.groupState() == org.apache.kafka.common.GroupState.STABLE && instances == members) {
                    return;
                }
                ServiceJvm.sleep(250);
            }
        } catch (Exception e) {
            console.line("  could not describe %s: %s", group, e);
        }
        console.line("  %s did not settle on %d instance(s) within 60 s; measuring anyway", group, members);
    }

    /** Until the register's and the notifier's outboxes and the routing queue are empty (at most 60 s). */
    private void awaitRouted() {
        long deadline = System.currentTimeMillis() + 60_000;
        try (Connection connection = stack.postgres.connect();
             PreparedStatement query = connection.prepareStatement("select (select count(*) from register.outbox_event)"
                     + " + (select count(*) from notifier.routing_queue) + (select count(*) from notifier.outbox_event)")) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                ServiceJvm.sleep(200);
            }
        } catch (java.sql.SQLException e) {
            console.line("  could not read the outboxes: %s", e);
        }
    }

    // ---- 4. rate-limit drain and 5. noisy neighbour: Slack limits on, time-scaled

    private void pacedWorker() {
        console.line("restarting the Slack worker with Slack's limits (×%d) as its pacing", SCALE);
        stack.removeService("notifier-slack-2");
        stack.service("notifier-slack-1").restartWith(Map.of(
                "SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELRATE", Integer.toString(CHANNEL_RATE),
                "SWITCHBOARD_NOTIFIER_PACING_SLACKCHANNELBURST", Integer.toString(CHANNEL_BURST),
                "SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACERATE", Integer.toString(WORKSPACE_RATE),
                "SWITCHBOARD_NOTIFIER_PACING_SLACKWORKSPACEBURST", Integer.toString(WORKSPACE_BURST))).awaitHealthy();
        stack.slackLimits(CHANNEL_RATE, CHANNEL_BURST, WORKSPACE_RATE, WORKSPACE_BURST);
    }

    private void drain() throws Exception {
        int total = quick ? 500 : 2000;
        int channels = 10;
        console.line("scenario: rate-limit drain, %d messages over %d channels", total, channels);
        List<Double> drainSeconds = new ArrayList<>();
        List<Double> ingestSeconds = new ArrayList<>();
        List<Double> four29 = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        Practice p = Practice.arrange(stack, channels, 1);
        double minimum = (double) total / Math.min(channels * CHANNEL_RATE, WORKSPACE_RATE);
        int rounds = quick ? 1 : Math.min(runs, 2);
        for (int run = 0; run < rounds; run++) {
            long since = System.currentTimeMillis();
            long began = System.nanoTime();
            List<Practice.Accepted> accepted = Load.asFastAsPossible(total, 8, i -> p.log(0, i % channels, "drain " + i));
            ingestSeconds.add((System.nanoTime() - began) / 1e9);
            Receipts receipts = awaitSlack(accepted, since, (long) (minimum * 4000) + 60_000);
            long last = receipts.slack.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(since);
            drainSeconds.add((last - since) / 1000.0);
            four29.add((double) receipts.slack429);
            delivered.add((double) receipts.slack.size());
            console.line("  drain run %d: %d delivered in %.1f s (minimum %.1f s), %d 429s", run + 1, receipts.slack.size(),
                    (last - since) / 1000.0, minimum, receipts.slack429);
        }
        md.append("## 4. Rate-limit drain (Slack limits on at the sandbox, time-scaled ×").append(SCALE).append(")\n\n");
        md.append(String.format("%d messages over %d channels of one workspace, logged as fast as 8 concurrent callers"
                + " can; sandbox limits %d/s per channel (burst %d) and %d/s per workspace (burst %d) — Slack's 1/s and"
                + " 300/min ×%d; the notifier's pacing set to the same. Theoretical minimum = N ÷ min(channels × channel"
                + " rate, workspace rate) = %d ÷ %d = **%.1f s**.%n%n", total, channels, CHANNEL_RATE, CHANNEL_BURST,
                WORKSPACE_RATE, WORKSPACE_BURST, SCALE, total, Math.min(channels * CHANNEL_RATE, WORKSPACE_RATE), minimum));
        md.append("| delivered | logging took (s) | drain time: first 201 → last post (s) | ÷ theoretical minimum | 429s received |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format("| %s | %s | %s | %.2f× | %s |%n%n", Stats.overRuns(delivered, "%.0f"),
                Stats.overRuns(ingestSeconds, "%.1f"), Stats.overRuns(drainSeconds, "%.1f"),
                Stats.of(drainSeconds).p50() / minimum, Stats.overRuns(four29, "%.0f")));
    }

    private void noisy() throws Exception {
        int flood = quick ? 1000 : 5000;
        int seconds = quick ? 20 : 40;
        console.line("scenario: noisy neighbour, %d messages flood one channel", flood);
        Practice a = Practice.arrange(stack, 1, 1);
        Practice b = Practice.arrange(stack, 1, 1);
        long aloneSince = System.currentTimeMillis();
        List<Practice.Accepted> alone = Load.atRate(seconds, 1, i -> b.log(0, 0, "quiet alone " + i));
        List<Double> aloneLatency = latencies(alone, awaitSlack(alone, aloneSince, 30_000));
        long since = System.currentTimeMillis();
        java.util.concurrent.CompletableFuture<List<Practice.Accepted>> flooding = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> Load.asFastAsPossible(flood, 8, i -> a.log(0, 0, "flood " + i)));
        ServiceJvm.sleep(2000);
        List<Practice.Accepted> busy = Load.atRate(seconds, 1, i -> b.log(0, 0, "quiet busy " + i));
        Receipts receipts = awaitSlack(busy, since, 60_000);
        List<Double> busyLatency = latencies(busy, receipts);
        List<Practice.Accepted> flooded = flooding.join();
        Receipts now = Receipts.read(stack.sandbox, since);
        Set<String> floodIds = new HashSet<>();
        flooded.stream().filter(Practice.Accepted::ok).forEach(x -> floodIds.add(x.entryId()));
        long floodDelivered = now.slack.keySet().stream().filter(floodIds::contains).count();
        Hops busyHops = hops(busy, receipts, since);
        Stats s0 = Stats.of(aloneLatency);
        Stats s1 = Stats.of(busyLatency);
        md.append("## 5. Noisy neighbour (same limits as 4)\n\n");
        md.append(String.format("Practice A logs %d messages to one rate-limited channel (8 concurrent callers); practice B"
                + " logs one a second for %d s to its own channel, first alone, then during A's flood. Single run"
                + " (a run is %d samples). When B's last message arrived, A had %d of %d delivered; 429s during: %d.%n%n",
                flood, seconds, seconds, floodDelivered, floodIds.size(), now.slack429));
        md.append("| B's latency, 201 → post received | samples | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
        md.append(String.format("| B alone (baseline) | %d | %.0f | %.0f | %.0f |%n", s0.count(), s0.p50(), s0.p95(), s0.p99()));
        md.append(String.format("| B during A's flood | %d | %.0f | %.0f | %.0f |%n", s1.count(), s1.p50(), s1.p95(), s1.p99()));
        md.append(String.format("| ratio | | %.1f× | %.1f× | %.1f× |%n%n", s1.p50() / s0.p50(), s1.p95() / s0.p95(),
                s1.p99() / s0.p99()));
        md.append(String.format("Where B's messages waited during the flood (p50 / p99 ms per hop, as in 2): 201 → published"
                + " %.0f / %.0f; published → routed %.0f / %.0f; routed → in the ledger %.0f / %.0f; ledger → post received"
                + " %.0f / %.0f.%n%n", busyHops.toPublished().p50(), busyHops.toPublished().p99(), busyHops.toRouted().p50(),
                busyHops.toRouted().p99(), busyHops.toLedger().p50(), busyHops.toLedger().p99(),
                busyHops.toProvider().p50(), busyHops.toProvider().p99()));
    }

    private static List<Double> latencies(List<Practice.Accepted> accepted, Receipts receipts) {
        List<Double> latencies = new ArrayList<>();
        for (Practice.Accepted a : accepted) {
            List<Long> times = a.ok() ? receipts.slack.get(a.entryId()) : null;
            if (times != null) {
                latencies.add((double) (times.get(0) - a.answeredAtMillis()));
            }
        }
        return latencies;
    }
}

package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./faults.sh [--quick] [--count=N] [--out=path]}: the fault suite; writes a markdown report and exits 1
 * if any scenario lost or duplicated a message.
 */
public final class FaultSuiteMain {

    private FaultSuiteMain() {
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
        int count = 300;
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path out = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--count=")) {
                count = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                System.err.println("usage: ./faults.sh [--quick] [--count=N] [--out=file.md]");
                System.exit(2);
            }
        }
        if (quick && count == 300) {
            count = 100;
        }
        if (out == null) {
            out = root.resolve("bench/results/" + LocalDate.now() + "-faults" + (quick ? "-quick" : "") + ".md");
        }
        Console console = new Console(System.out);
        List<FaultSuite.Result> results = run(root, root.resolve("bench/target/faults-run"), quick, count, console);
        String report = report(results, quick, count);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        console.line("report: %s", out);
        System.out.println(report);
        System.exit(results.stream().allMatch(FaultSuite.Result::clean) ? 0 : 1);
    }

    static List<FaultSuite.Result> run(Path root, Path work, boolean quick, int count, Console console) throws Exception {
        Machine.markStart();
        List<FaultSuite.Result> results = new ArrayList<>();
        console.line("starting the stack (PostgreSQL, Kafka, sandbox, register, integration, notifier router + Slack worker)");
        try (BenchStack stack = BenchStack.start(root, work, FaultSuite.TOPOLOGY,
                console)) {
            FaultSuite suite = new FaultSuite(stack, console);
            suite.warmUp(40);
            for (FaultSuite.Fault fault : suite.faults(quick)) {
                // Slow enough that the stream outlasts the fault: some entries are logged after the heal.
                int rate = (int) Math.max(5, Math.min(20, count / (fault.hold().toSeconds() + 15.0)));
                results.add(suite.run(fault, count, rate, Duration.ofSeconds(quick ? 75 : 120)));
            }
        }
        return results;
    }

    private static String dash(double seconds) {
        return Double.isNaN(seconds) ? "—" : String.format("%.1f", seconds);
    }

    static String report(List<FaultSuite.Result> results, boolean quick, int count) {
        StringBuilder md = new StringBuilder();
        md.append("# Switchboard fault suite — ").append(LocalDateTime.now().withNano(0)).append(quick ? " (--quick)" : "")
                .append("\n\n");
        md.append("Machine: ").append(Machine.describe()).append("\n\n");
        md.append("First 40 entries go through the whole path unmeasured (warm-up), so the first fault meets services"
                + " that are sending. ");
        md.append("Each scenario logs ").append(count).append(" uniquely keyed phone messages (each shared to one of 10 Slack"
                + " channels) at up to 20/s (slower for a fault that lasts, so that the stream outlasts it), injects the fault after a third, heals it, and waits until every accepted entry is"
                + " delivered or reported failed. *Lost* = accepted (201) but neither received by the sandbox nor reported"
                + " FAILED/NOT_SENT; *duplicated* = received twice by the sandbox; a duplicate of a post whose answer the proxy"
                + " held past the client's timeout (outcome unknown) is counted apart. *Recovered* = fault injected → first"
                + " post received after the heal (— when nothing was left to deliver after it); *settled* = heal → every accepted entry accounted for.\n\n");
        md.append("| scenario | accepted | refused (HTTP ≠ 201) | delivered | reported failed (of which outcome unknown) | lost | duplicated | dup. after timeout | faults injected | recovered (s) | settled (s) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FaultSuite.Result r : results) {
            md.append(String.format("| %s | %d | %d | %d | %d (%d) | **%d** | **%d** | %d | %d | %s | %s |%n",
                    r.scenario(), r.accepted(), r.refused(), r.delivered(), r.reportedFailed(), r.outcomeUnknown(),
                    r.lost(), r.duplicated(), r.duplicatedAfterTimeout(), r.injected(),
                    dash(r.firstDeliveryAfterFaultSeconds()), dash(r.settledAfterHealSeconds())));
        }
        md.append("\nLoad average at the end: ").append(Machine.load()).append(".\n\n");
        for (FaultSuite.Result r : results) {
            if (!r.lostEntries().isEmpty() || !r.note().isEmpty()) {
                md.append("- ").append(r.scenario()).append(": ")
                        .append(r.lostEntries().isEmpty() ? "" : "lost e.g. " + r.lostEntries() + "; ")
                        .append(r.note()).append("\n");
            }
        }
        return md.toString();
    }
}

package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a report was measured on. */
final class Machine {

    private Machine() {
    }

    private static volatile String loadAtStart;

    /** Notes the load average as a run starts, for {@link #describe()}. */
    static void markStart() {
        loadAtStart = load();
    }

    /** The 1-, 5- and 15-minute load averages now: other builds share this machine. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String describe() {
        String cpu = "?";
        double memGb = Double.NaN;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            memGb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String load = loadAtStart == null ? load() : loadAtStart;
        return String.format("%d cores (%s), %.1f GB memory, JDK %s (%s), %s %s; load average at start: %s",
                Runtime.getRuntime().availableProcessors(), cpu, memGb, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"), load);
    }
}

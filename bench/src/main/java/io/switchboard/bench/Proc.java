package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident memory of a process, from /proc (Linux). */
public final class Proc {

    /** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private Proc() {
    }

    /** utime + stime in seconds, or NaN if the process is gone. */
    public static double cpuSeconds(long pid) {
        long[] ticks = cpuTicks(pid);
        return ticks == null ? Double.NaN : (ticks[0] + ticks[1]) / TICKS;
    }

    /**
     * CPU seconds of a process and everything under it: its own, its children that exited (cutime, cstime) and its
     * live descendants' — for PostgreSQL, whose work is done by one backend process per connection.
     */
    public static double treeCpuSeconds(long pid) {
        long[] ticks = cpuTicks(pid);
        if (ticks == null) {
            return Double.NaN;
        }
        double descendants = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(child -> {
                    double cpu = cpuSeconds(child.pid());
                    return Double.isNaN(cpu) ? 0 : cpu;
                }).sum();
        return (ticks[0] + ticks[1] + ticks[2] + ticks[3]) / TICKS + descendants;
    }

    /** utime, stime, cutime, cstime from /proc/<pid>/stat, or null if the process is gone. */
    private static long[] cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** VmHWM (peak resident set) in MB, or NaN. */
    public static double peakRssMb(long pid) {
        return statusField(pid, "VmHWM:") / 1024.0;
    }

    public static double rssMb(long pid) {
        return statusField(pid, "VmRSS:") / 1024.0;
    }

    /** Resets the peak resident set to the current one (clear_refs 5), so a scenario sees its own peak. */
    public static void resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // Not allowed here: the peak then covers the whole life of the process, which the report says.
        }
    }

    private static double statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return Double.NaN;
    }
}

package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder on a running service ({@code jcmd <pid> JFR.start / JFR.dump}), summarised from its
 * {@code jdk.ExecutionSample} events: the hottest top frames, and the hottest first frames in Switchboard's
 * own code (where the CPU of our code goes, below the libraries it calls).
 */
public final class Profiler {

    private Profiler() {
    }

    static void start(long pid) {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
    }

    static Path dump(long pid, Path file) {
        jcmd(pid, "JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
        jcmd(pid, "JFR.stop", "name=bench");
        return file;
    }

    /** A profile: samples, and the top frames with their share of samples. */
    public record Profile(int samples, Map<String, Integer> topFrames, Map<String, Integer> ownFrames,
                          Map<String, Integer> threads, Map<String, Long> blockedMillis, double seconds) {
    }

    /** Events where a thread waits rather than runs (JFR's profile settings record those over 10-20 ms). */
    private static final java.util.Set<String> WAITS = java.util.Set.of("jdk.SocketRead", "jdk.SocketWrite",
            "jdk.JavaMonitorEnter", "jdk.FileRead", "jdk.FileWrite");

    static Profile summarise(Path file, int top) {
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Long> blocked = new HashMap<>();
        int samples = 0;
        java.time.Instant first = null;
        java.time.Instant last = null;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
                last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
                if (WAITS.contains(event.getEventType().getName()) && event.getStackTrace() != null
                        && event.getThread() != null) {
                    String where = "?";
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        if (frame.getMethod().getType().getName().startsWith("io.switchboard")) {
                            where = name(frame);
                            break;
                        }
                    }
                    String remote = event.hasField("port") ? " :" + event.getInt("port") : "";
                    String thread = String.valueOf(event.getThread().getJavaName()).replaceAll("\\d+", "N");
                    blocked.merge(thread + " — " + event.getEventType().getName().substring(4) + remote + " in " + where,
                            event.getDuration().toMillis(), Long::sum);
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> stack = event.getStackTrace().getFrames();
                if (!stack.isEmpty()) {
                    frames.merge(name(stack.get(0)), 1, Integer::sum);
                }
                for (RecordedFrame frame : stack) {
                    if (frame.getMethod().getType().getName().startsWith("io.switchboard")) {
                        own.merge(name(frame), 1, Integer::sum);
                        break;
                    }
                }
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        } catch (IOException e) {
            return new Profile(0, Map.of(), Map.of(), Map.of(), Map.of(), 0);
        }
        Map<String, Long> topBlocked = new LinkedHashMap<>();
        blocked.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> topBlocked.put(e.getKey(), e.getValue()));
        return new Profile(samples, topN(frames, top), topN(own, top), topN(threads, top), topBlocked,
                first == null ? 0 : java.time.Duration.between(first, last).toMillis() / 1000.0);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Integer> topN(Map<String, Integer> counts, int n) {
        Map<String, Integer> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static void jcmd(long pid, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }
}

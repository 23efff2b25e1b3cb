package io.switchboard.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One process of the stack running in its own OS process, its output in its own log file: started,
 * waited for until it answers its health check, and stopped with SIGTERM (then SIGKILL if it lingers).
 */
public final class ChildProcess {

    /** Marks the command line so a later run can recognise a process left over by this one. */
    public static final String MARKER_PROPERTY = "devstack.process";

    /**
     * Not passed on from the developer's shell: the services read {@code PORT} and {@code SERVER_PORT}, so
     * one set there would move every child onto the same port.
     */
    static final List<String> NOT_INHERITED = List.of("PORT", "SERVER_PORT");

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} with its output appended to {@code logFile}. Where {@code setsid} exists the
     * child gets a session of its own, so the terminal's Ctrl-C reaches only the launcher, which then stops
     * the children in order rather than all of them at once.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path logFile, Path workingDirectory) throws IOException {
        List<String> full = new ArrayList<>();
        SETSID.ifPresent(setsid -> full.add(setsid.toString()));
        full.addAll(command);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().removeAll(NOT_INHERITED);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // The children never read their input; closing it keeps a stray read from blocking them.
        process.getOutputStream().close();
        return new ChildProcess(name, process, logFile);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has ended, however it ended. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Returns once {@code healthy} answers true; fails as soon as the process dies, or when it has not
     * become healthy in time.
     */
    public void awaitHealthy(BooleanSupplier healthy, Duration timeout) throws StartupFailure {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new StartupFailure(name, name + " exited with code " + process.exitValue() + " while starting",
                        logFile);
            }
            if (healthy.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(name, name + " did not become healthy within " + timeout.toSeconds() + " s",
                        logFile);
            }
            waitForExit(POLL);
        }
    }

    /** Waits up to {@code timeout} for the process to end by itself; true if it did. */
    public boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL if it is still running after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(grace)) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }
}

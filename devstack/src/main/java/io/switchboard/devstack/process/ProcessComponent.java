package io.switchboard.devstack.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A component that is one child process; it makes starting and stopping safe to race, so a Ctrl-C
 * during startup never leaves a process behind.
 */
public abstract class ProcessComponent implements Component {

    private final String name;
    private final Path logFile;
    private final Path workingDirectory;
    private final PidFiles pidFiles;
    private final Duration stopGrace;
    private final CompletableFuture<String> exited = new CompletableFuture<>();

    private ChildProcess process;
    private boolean stopped;

    /**
     * @param pidFiles  where to note the child's pid while it runs, or {@code null} not to
     * @param stopGrace how long it may take to stop after SIGTERM before it gets SIGKILL
     */
    protected ProcessComponent(String name, Path logFile, Path workingDirectory, PidFiles pidFiles,
                               Duration stopGrace) {
        this.name = name;
        this.logFile = logFile;
        this.workingDirectory = workingDirectory;
        this.pidFiles = pidFiles;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public CompletableFuture<String> exited() {
        return exited;
    }

    /** Starts the child unless this component is being stopped. */
    protected synchronized ChildProcess spawn(List<String> command, Map<String, String> environment)
            throws StartupFailure {
        if (stopped) {
            throw new StartupFailure(name, name + " was not started: the stack is stopping", logFile);
        }
        try {
            process = ChildProcess.start(name, command, environment, logFile, workingDirectory);
        } catch (IOException e) {
            throw new StartupFailure(name, "could not start " + name + ": " + e.getMessage(), logFile, e);
        }
        if (pidFiles != null) {
            pidFiles.write(name, process.pid());
        }
        process.onExit().whenComplete((ended, error) -> exited.complete(
                ended == null ? "ended" : "exit code " + ended.exitValue()));
        return process;
    }

    @Override
    public synchronized Optional<ProcessHandle> processHandle() {
        return process == null ? Optional.empty() : ProcessHandle.of(process.pid());
    }

    @Override
    public void stop() {
        ChildProcess running;
        synchronized (this) {
            stopped = true;
            running = process;
        }
        if (running != null) {
            running.stop(stopGrace);
            if (pidFiles != null) {
                pidFiles.delete(name);
            }
        }
        exited.complete("stopped");
    }
}

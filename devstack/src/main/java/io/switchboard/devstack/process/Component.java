package io.switchboard.devstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One part of the stack that the launcher starts, watches while it runs, and stops. */
public interface Component {

    String name();

    /** Starts it and returns once it is healthy, or fails saying why. */
    void start(Duration timeout) throws StartupFailure;

    /** Completes, saying how (an exit code, if known), when it has ended, whether it died or was stopped. */
    CompletableFuture<String> exited();

    /** Stops it if it is running, and keeps it from starting if it is not yet; safe to call more than once. */
    void stop();

    /** Where its output goes, or {@code null} if it has none of its own. */
    Path logFile();

    /** Its OS process once started, for the launcher's memory figure. */
    Optional<ProcessHandle> processHandle();
}

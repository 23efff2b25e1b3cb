package io.switchboard.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.switchboard.devstack.postgres.DevPostgres;
import io.switchboard.devstack.process.ChildProcess;
import io.switchboard.devstack.process.PidFiles;

/**
 * Stops what an earlier launcher that was killed outright (SIGKILL, a crashed terminal) left running, so
 * the next start finds its ports free. Only processes that prove to be ours are touched: a pid from
 * {@code .devstack/run} whose command line carries this stack's marker, and the PostgreSQL server whose
 * data directory is ours.
 */
final class Leftovers {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final PidFiles pidFiles;
    private final Path postgresData;
    private final Console console;

    Leftovers(PidFiles pidFiles, Path postgresData, Console console) {
        this.pidFiles = pidFiles;
        this.postgresData = postgresData;
        this.console = console;
    }

    /** Stops the leftovers among {@code names} (in the order given), then a leftover PostgreSQL. */
    void stop(List<String> names) {
        for (String name : names) {
            pidFiles.read(name).flatMap(ProcessHandle::of)
                    .filter(process -> commandLine(process).contains("-D" + ChildProcess.MARKER_PROPERTY + "=" + name))
                    .ifPresent(process -> {
                        console.line("stopping %s left running by an earlier run (pid %d)", name, process.pid());
                        process.destroy();
                        awaitOrKill(process);
                    });
            pidFiles.delete(name);
        }
        DevPostgres.postmasterPid(postgresData).flatMap(ProcessHandle::of)
                .filter(process -> commandLine(process).contains(postgresData.toString()))
                .ifPresent(process -> {
                    console.line("stopping PostgreSQL left running by an earlier run (pid %d)", process.pid());
                    fastShutdown(process);
                    awaitOrKill(process);
                });
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave); Java can only
     * send SIGTERM and SIGKILL, so {@code kill} sends it.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String commandLine(ProcessHandle process) {
        Optional<String> commandLine = process.info().commandLine();
        return commandLine.orElse("");
    }
}

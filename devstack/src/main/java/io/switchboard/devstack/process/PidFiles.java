package io.switchboard.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers each child's process id in {@code <dir>/<name>.pid} while it runs, so that a later run can
 * find children a killed launcher (SIGKILL, a closed laptop lid) left behind.
 */
public final class PidFiles {

    private final Path directory;

    public PidFiles(Path directory) {
        this.directory = directory;
    }

    public void write(String name, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(name), Long.toString(pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Only the clean-up of a later run needs it; the stack runs fine without.
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            // A stale pid file is checked against the process's command line before anything is done with it.
        }
    }

    public Optional<Long> read(String name) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file(name), StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Path directory() {
        return directory;
    }

    private Path file(String name) {
        return directory.resolve(name + ".pid");
    }
}

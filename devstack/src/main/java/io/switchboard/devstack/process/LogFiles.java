package io.switchboard.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The children's log files: one per process and run, the previous run's kept beside it as {@code .1}. */
public final class LogFiles {

    private LogFiles() {
    }

    /** Moves last run's log aside so this run starts an empty one. */
    public static void rotate(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rotate " + log, e);
        }
    }

    /** The last {@code count} lines of a log; bytes that are not UTF-8 are shown as replacement characters. */
    public static List<String> tail(Path log, int count) {
        if (!Files.exists(log)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count);
        try (Stream<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
            lines.forEach(line -> {
                if (last.size() == count) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}

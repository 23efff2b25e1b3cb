package io.switchboard.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path directory;

    @Test
    void tailsTheLastLines() throws IOException {
        Path log = directory.resolve("kafka.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining("\n")));

        assertThat(LogFiles.tail(log, 3)).containsExactly("98", "99", "100");
        assertThat(LogFiles.tail(directory.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void keepsThePreviousRunsLogAside() throws IOException {
        Path log = directory.resolve("logs/identity.log");
        LogFiles.rotate(log);
        Files.writeString(log, "first run");

        LogFiles.rotate(log);

        assertThat(log).doesNotExist();
        assertThat(directory.resolve("logs/identity.log.1")).hasContent("first run");
    }
}

package io.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.switchboard.devstack.process.Component;
import io.switchboard.devstack.process.StartupFailure;

class RunningStackTest {

    private final List<String> stops = new CopyOnWriteArrayList<>();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()));
    private final RunningStack stack = new RunningStack();

    @Test
    void stopsTheLastTierFirst() throws StartupFailure {
        stack.start(0, new Fake("postgres"), Duration.ofSeconds(1));
        stack.start(1, new Fake("kafka"), Duration.ofSeconds(1));
        stack.start(2, new Fake("register-service"), Duration.ofSeconds(1));
        stack.start(3, new Fake("gateway"), Duration.ofSeconds(1));

        assertThat(stack.stopAll(console)).isTrue();

        assertThat(stops).containsExactly("gateway", "register-service", "kafka", "postgres");
        assertThat(stack.failure()).isNotDone();
    }

    @Test
    void reportsAComponentThatDiesWhileRunning() throws StartupFailure {
        Fake kafka = new Fake("kafka");
        stack.start(1, kafka, Duration.ofSeconds(1));

        kafka.exited.complete("exit code 137");

        assertThat(stack.failure()).isCompleted();
        assertThat(stack.failure().join().component()).isEqualTo("kafka");
        assertThat(stack.failure().join()).hasMessage("kafka stopped unexpectedly (exit code 137)");
    }

    @Test
    void startsNothingOnceStoppingAndStopsOnlyOnce() throws StartupFailure {
        stack.start(0, new Fake("postgres"), Duration.ofSeconds(1));
        assertThat(stack.stopAll(console)).isTrue();

        assertThatThrownBy(() -> stack.start(1, new Fake("kafka"), Duration.ofSeconds(1)))
                .isInstanceOf(StartupFailure.class);
        assertThat(stack.stopAll(console)).isFalse();
        assertThat(stops).containsExactly("postgres");
    }

    private final class Fake implements Component {
        private final String name;
        private final CompletableFuture<String> exited = new CompletableFuture<>();

        Fake(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(Duration timeout) {
        }

        @Override
        public CompletableFuture<String> exited() {
            return exited;
        }

        @Override
        public void stop() {
            stops.add(name);
            exited.complete("stopped");
        }

        @Override
        public Path logFile() {
            return null;
        }

        @Override
        public Optional<ProcessHandle> processHandle() {
            return Optional.empty();
        }
    }
}

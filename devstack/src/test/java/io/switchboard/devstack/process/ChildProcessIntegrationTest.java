package io.switchboard.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessIntegrationTest {

    private final JavaLauncher java = JavaLauncher.fromClasspath(System.getProperty("java.class.path"));

    @TempDir
    Path directory;

    @Test
    void failsFastWithTheLogWhenTheChildDiesWhileStarting() throws IOException {
        Path log = directory.resolve("logs/dying.log");
        ChildProcess child = ChildProcess.start("dying", java.command(Dying.class.getName(), List.of(), List.of()),
                Map.of(), log, directory);

        assertThatThrownBy(() -> child.awaitHealthy(() -> false, Duration.ofSeconds(60)))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("exited with code 3")
                .satisfies(failure -> assertThat(((StartupFailure) failure).logFile()).isEqualTo(log));
        assertThat(LogFiles.tail(log, 5)).contains("cannot bind port 8081");
    }

    @Test
    void givesUpWhenTheChildNeverBecomesHealthy() throws IOException {
        ChildProcess child = ChildProcess.start("stuck", java.command(Waiting.class.getName(), List.of(), List.of()),
                Map.of(), directory.resolve("stuck.log"), directory);
        try {
            assertThatThrownBy(() -> child.awaitHealthy(() -> false, Duration.ofSeconds(1)))
                    .hasMessageContaining("did not become healthy within 1 s");
        } finally {
            child.stop(Duration.ofSeconds(10));
        }
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void stopsTheChildWithSigtermSoItsShutdownHooksRun() throws IOException, StartupFailure {
        Path log = directory.resolve("waiting.log");
        ChildProcess child = ChildProcess.start("waiting", java.command(Waiting.class.getName(), List.of(), List.of()),
                Map.of(), log, directory);
        child.awaitHealthy(() -> LogFiles.tail(log, 1).contains("waiting"), Duration.ofSeconds(60));

        child.stop(Duration.ofSeconds(20));

        assertThat(child.isAlive()).isFalse();
        assertThat(LogFiles.tail(log, 1)).containsExactly("stopped cleanly");
    }

    /** A child that fails while starting, as a service does when its port is taken. */
    public static final class Dying {
        public static void main(String[] args) {
            System.out.println("cannot bind port 8081");
            System.exit(3);
        }
    }

    /** A child that runs until it is told to stop, and says whether it stopped cleanly. */
    public static final class Waiting {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopped cleanly")));
            System.out.println("waiting");
            new CountDownLatch(1).await();
        }
    }
}

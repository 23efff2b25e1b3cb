package io.switchboard.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance started from its module's executable jar as a JVM of its own (as e2e-tests'
 * {@code ServiceProcess} and devstack do), so that {@link #kill()} is a real SIGKILL and {@link #restart()}
 * a real cold start on the same port.
 */
public final class ServiceJvm implements AutoCloseable {

    /**
     * The services' JVM options in devstack and e2e-tests: small heap, serial GC, C1 only. Measured here with the
     * full tiered JIT instead: on two cores shared by five service JVMs, C2's compilations cost more than they save
     * over a run of minutes (CPU per delivery 1.6–2.8× higher, services ready in 94 s instead of 56 s), so the
     * benchmark runs what devstack runs.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final String healthPath;
    private final int port;
    private Process process;

    private ServiceJvm(String name, Path jar, Map<String, String> environment, Path log, String healthPath) {
        this.name = name;
        this.jar = jar;
        this.port = Ports.free();
        this.environment = new HashMap<>(environment);
        this.environment.put("SERVER_PORT", Integer.toString(port));
        this.environment.put("PORT", Integer.toString(port));
        // A stable name per instance, so its Kafka listeners are static members and a restart takes their
        // partitions back without a rebalance (platform StaticMembership).
        this.environment.put("SWITCHBOARD_KAFKA_INSTANCE_ID", name);
        this.log = log;
        this.healthPath = healthPath;
    }

    /** Starts {@code module}'s jar as instance {@code name}; call {@link #awaitHealthy()} next. */
    static ServiceJvm start(Path root, String module, String name, Map<String, String> environment, Path logs) {
        ServiceJvm service = new ServiceJvm(name, snapshot(root, module, logs.getParent().resolve("jars")), environment,
                logs.resolve(name + ".log"),
                "/actuator/health/readiness");
        service.launch();
        return service;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dbench.instance=" + name);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the readiness endpoint answers 200; fails if the process dies or takes over 240 s. */
    public ServiceJvm awaitHealthy() {
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + healthPath))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(400);
        }
        throw new IllegalStateException(name + " was not ready within 240 s; see " + log);
    }

    /** kill -9: no shutdown hook, no graceful close of consumers or pools. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the JVM is frozen (its Kafka consumers too, short of their session timeout). */
    public void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it and starts it again on the same port with {@code changes} added to its environment. */
    public synchronized ServiceJvm restartWith(Map<String, String> changes) {
        close();
        environment.putAll(changes);
        launch();
        return this;
    }

    /** Starts the same jar again on the same port with the same environment. */
    public synchronized ServiceJvm restart() {
        if (process.isAlive()) {
            close();
        }
        launch();
        return this;
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * A copy of the module's jar taken once per run: others may rebuild the module while a run goes on, and a
     * JVM reading a jar that is being rewritten fails with odd NoClassDefFoundErrors (it happened here).
     */
    static synchronized Path snapshot(Path root, String module, Path jars) {
        Path copy = jars.resolve(module + ".jar");
        if (!Files.exists(copy)) {
            try {
                Files.createDirectories(jars);
                Path temporary = jars.resolve(module + ".jar.tmp");
                Files.copy(executableJar(root, module), temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    static Path executableJar(Path root, String module) {
        File target = root.resolve(module).resolve("target").toFile();
        File exec = new File(target, module + "-0.1.0-SNAPSHOT-exec.jar");
        File plain = new File(target, module + "-0.1.0-SNAPSHOT.jar");
        File jar = exec.isFile() ? exec : plain;
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing: ./bench.sh builds it, or ./mvnw -o -q install -DskipTests -pl "
                    + module);
        }
        return jar.toPath().toAbsolutePath();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One Switchboard service started from its own executable jar as a separate JVM, the way it runs in
 * production; its output goes to {@code target/e2e-logs/<name>.log}. Stopped when the test JVM exits.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code module}'s jar on a free port with {@code environment} added to this JVM's. */
    public static ServiceProcess start(String module, Map<String, String> environment) {
        Path jar = executableJar(module);
        int port = freePort();
        try {
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path log = logs.resolve(module + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = new HashMap<>(environment);
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("PORT", Integer.toString(port));
            builder.environment().putAll(env);
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(module, port, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "stop-" + module));
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
    }

    /** Waits until the service answers its health endpoint with 200, failing early if it died. */
    public ServiceProcess awaitHealthy(String healthPath) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await(name + " healthy").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + healthPath))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    return response.statusCode() == 200;
                });
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static Path executableJar(String module) {
        File target = Path.of("..", module, "target").toFile();
        File exec = new File(target, module + "-0.1.0-SNAPSHOT-exec.jar");
        File plain = new File(target, module + "-0.1.0-SNAPSHOT.jar");
        File jar = exec.isFile() ? exec : plain;
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing: run the tests through the reactor (./mvnw verify)");
        }
        return jar.toPath().toAbsolutePath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

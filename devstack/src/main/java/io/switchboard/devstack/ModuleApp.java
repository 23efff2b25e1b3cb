package io.switchboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A Spring Boot application of another module that the stack runs from its executable jar.
 *
 * @param module       the Maven module, also the process's name
 * @param port         its HTTP port (the services' application.yml defaults; the launcher passes none)
 * @param healthPath   the URL path that answers 200 once it is ready
 * @param otherPorts   further ports it listens on, checked free before starting
 * @param hasSwaggerUi whether it serves {@code /swagger-ui.html}
 */
public record ModuleApp(String module, int port, String healthPath, List<Integer> otherPorts, boolean hasSwaggerUi) {

    static final String READINESS = "/actuator/health/readiness";
    static final String HEALTH = "/actuator/health";

    public static final ModuleApp PROVIDER_SANDBOX =
            new ModuleApp("provider-sandbox", 8090, HEALTH, List.of(3025), false);
    public static final List<ModuleApp> SERVICES = List.of(
            new ModuleApp("register-service", 8081, READINESS, List.of(), true),
            new ModuleApp("integration-service", 8082, READINESS, List.of(), true),
            new ModuleApp("notifier-service", 8083, READINESS, List.of(), true),
            new ModuleApp("gmail-sync-service", 8084, READINESS, List.of(), true),
            new ModuleApp("workflow-service", 8085, READINESS, List.of(), true));
    public static final ModuleApp GATEWAY = new ModuleApp("gateway", 8080, HEALTH, List.of(), false);

    public ModuleApp {
        otherPorts = List.copyOf(otherPorts);
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public URI healthUrl() {
        return URI.create("http://localhost:" + port + healthPath);
    }

    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        ports.add(port);
        ports.addAll(otherPorts);
        return ports;
    }

    /**
     * The module's executable jar in {@code <root>/<module>/target}: the one whose manifest names a
     * {@code Start-Class}, preferring an {@code -exec} classified jar (a module whose plain jar other
     * modules depend on keeps the executable one beside it).
     */
    public Optional<Path> executableJar(Path root) {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*.jar")) {
            jars.forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(jar -> !jar.getFileName().toString().endsWith("-sources.jar"))
                .sorted(Comparator.comparing((Path jar) -> !jar.getFileName().toString().endsWith("-exec.jar"))
                        .thenComparing(Path::toString))
                .filter(ModuleApp::isExecutable)
                .findFirst();
    }

    private static boolean isExecutable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}

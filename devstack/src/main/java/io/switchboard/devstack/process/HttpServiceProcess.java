package io.switchboard.devstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A child JVM serving HTTP (the identity server, the sandbox, a service), healthy when its health URL says so. */
public final class HttpServiceProcess extends ProcessComponent {

    private final List<String> command;
    private final Map<String, String> environment;
    private final HttpHealthProbe health;

    public HttpServiceProcess(String name, List<String> command, Map<String, String> environment,
                              HttpHealthProbe health, Path logFile, Path workingDirectory, PidFiles pidFiles) {
        super(name, logFile, workingDirectory, pidFiles, Duration.ofSeconds(20));
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.health = health;
    }

    @Override
    public void start(Duration timeout) throws StartupFailure {
        LogFiles.rotate(logFile());
        spawn(command, environment).awaitHealthy(health, timeout);
    }
}

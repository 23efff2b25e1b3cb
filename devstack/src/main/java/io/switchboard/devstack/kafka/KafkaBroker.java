package io.switchboard.devstack.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import io.switchboard.devstack.process.ChildProcess;
import io.switchboard.devstack.process.JavaLauncher;
import io.switchboard.devstack.process.LogFiles;
import io.switchboard.devstack.process.PidFiles;
import io.switchboard.devstack.process.ProcessComponent;
import io.switchboard.devstack.process.StartupFailure;

/**
 * A real Kafka broker in a JVM of its own, run from the Kafka jars on this module's classpath: the first
 * start formats its storage, later starts reuse it, so topics, records and committed offsets survive a
 * restart. Healthy once an admin client can describe the cluster.
 */
public final class KafkaBroker extends ProcessComponent {

    static final String BROKER_MAIN = "kafka.Kafka";
    static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";
    private static final String LOGGING = "-Dlogback.configurationFile=devstack/kafka-logback.xml";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);

    private final KafkaBrokerConfig config;
    private final JavaLauncher java;
    private final List<String> jvmOptions;

    /**
     * @param jvmOptions the broker JVM's options, e.g. its heap
     * @param pidFiles   where to note its pid while it runs, or {@code null} not to
     */
    public KafkaBroker(String name, KafkaBrokerConfig config, JavaLauncher java, List<String> jvmOptions, Path logFile,
                       PidFiles pidFiles) {
        super(name, logFile, config.directory(), pidFiles, Duration.ofSeconds(30));
        this.config = config;
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public KafkaBrokerConfig config() {
        return config;
    }

    @Override
    public void start(Duration timeout) throws StartupFailure {
        LogFiles.rotate(logFile());
        Path properties = config.write();
        if (!config.isFormatted()) {
            format(properties);
        }
        ChildProcess broker = spawn(java.command(BROKER_MAIN, options(name()), List.of(properties.toString())),
                Map.of());
        try (Admin admin = Admin.create(adminProperties())) {
            broker.awaitHealthy(() -> describesCluster(admin), timeout);
        }
    }

    /** {@code kafka-storage.sh format --standalone}: a new cluster id, and this node as the only controller voter. */
    private void format(Path properties) throws StartupFailure {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = java.command(STORAGE_TOOL_MAIN, options(name() + "-format"),
                List.of("format", "--standalone", "--cluster-id", clusterId, "--config", properties.toString()));
        ChildProcess tool;
        try {
            tool = ChildProcess.start(name() + "-format", command, Map.of(), logFile(), config.directory());
        } catch (IOException e) {
            throw new StartupFailure(name(), "could not run the Kafka storage tool: " + e.getMessage(), logFile(), e);
        }
        if (!tool.waitForExit(FORMAT_TIMEOUT)) {
            tool.stop(Duration.ofSeconds(5));
            throw new StartupFailure(name(), "formatting Kafka's storage took longer than " + FORMAT_TIMEOUT.toSeconds()
                    + " s", logFile());
        }
        if (tool.exitCode() != 0) {
            throw new StartupFailure(name(), "formatting Kafka's storage failed (exit code " + tool.exitCode() + ")",
                    logFile());
        }
    }

    private List<String> options(String marker) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(LOGGING);
        options.add("-D" + ChildProcess.MARKER_PROPERTY + "=" + marker);
        return options;
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return properties;
    }

    private static boolean describesCluster(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.switchboard.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The single-node broker's {@code server.properties}: KRaft combined mode (broker and controller in one
 * process), a PLAINTEXT listener for clients and a CONTROLLER listener, every replication factor 1.
 *
 * @param directory      holds {@code server.properties} and the log directory {@code data/}
 * @param port           the PLAINTEXT (client) port on localhost
 * @param controllerPort the CONTROLLER port on localhost
 */
public record KafkaBrokerConfig(Path directory, int port, int controllerPort) {

    public KafkaBrokerConfig {
        directory = directory.toAbsolutePath();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    public Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    /** Whether the storage was formatted by an earlier start (formatting again would refuse, and must not). */
    public boolean isFormatted() {
        return Files.exists(dataDirectory().resolve("meta.properties"));
    }

    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        // A dynamic quorum of one (KIP-853): formatted with --standalone, this node is its only voter.
        properties.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        String listeners = "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort;
        properties.put("listeners", listeners);
        properties.put("advertised.listeners", listeners);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", dataDirectory().toString());
        properties.put("num.partitions", "1");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Every service creates the topics it publishes and consumes, with the contracts' partitions and
        // retention; a topic created by accident (a typo, a consumer racing its producer) would not have them.
        properties.put("auto.create.topics.enable", "false");
        // One developer's consumers join at once; waiting 3 s for more members only slows every start.
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /** Writes {@code server.properties} (every start, so a changed setting takes effect) and returns its path. */
    public Path write() {
        try {
            Files.createDirectories(dataDirectory());
            String text = properties().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("\n", "# Written by the devstack launcher on every start.\n", "\n"));
            Files.writeString(propertiesFile(), text, StandardCharsets.UTF_8);
            return propertiesFile();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + propertiesFile(), e);
        }
    }
}

package io.switchboard.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerConfigTest {

    @TempDir
    Path directory;

    @Test
    void configuresOneNodeInCombinedKraftMode() throws IOException {
        KafkaBrokerConfig config = new KafkaBrokerConfig(directory, 19092, 19093);

        Properties written = new Properties();
        try (Reader reader = Files.newBufferedReader(config.write())) {
            written.load(reader);
        }

        assertThat(written)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("controller.quorum.bootstrap.servers", "localhost:19093")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", directory.toAbsolutePath().resolve("data").toString());
        assertThat(config.bootstrapServers()).isEqualTo("localhost:19092");
    }

    @Test
    void isFormattedOnceTheStorageToolWroteItsMetadata() throws IOException {
        KafkaBrokerConfig config = new KafkaBrokerConfig(directory, 19092, 19093);
        config.write();
        assertThat(config.isFormatted()).isFalse();

        Files.writeString(config.dataDirectory().resolve("meta.properties"), "node.id=1\n");

        assertThat(config.isFormatted()).isTrue();
    }
}

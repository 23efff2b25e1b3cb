package io.switchboard.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one real Kafka broker (KRaft) and the one real PostgreSQL server of a test JVM, started on
 * first use and shared by every test class; each Spring context gets its own database on it.
 *
 * <p>By default both run embedded from Maven artifacts (spring-kafka-test's KRaft broker, zonky's
 * PostgreSQL binaries), which needs nothing but a JDK. With {@code -Dswitchboard.test.infra=containers}
 * (or {@code auto} and a Docker engine present) they run in Testcontainers instead.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static volatile SharedInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String jdbcBase;
    private final String username;
    private final String password;

    private SharedInfrastructure(String kafkaBootstrapServers, String jdbcBase, String username, String password) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.jdbcBase = jdbcBase;
        this.username = username;
        this.password = password;
    }

    public static SharedInfrastructure get() {
        SharedInfrastructure local = instance;
        if (local == null) {
            synchronized (SharedInfrastructure.class) {
                local = instance;
                if (local == null) {
                    instance = local = start();
                }
            }
        }
        return local;
    }

    private static SharedInfrastructure start() {
        long started = System.nanoTime();
        String mode = System.getProperty("switchboard.test.infra", "embedded").toLowerCase(Locale.ROOT);
        boolean containers = mode.equals("containers") || (mode.equals("auto") && dockerAvailable());
        SharedInfrastructure infrastructure = containers ? startContainers() : startEmbedded();
        log.info("shared test infrastructure ({}) up in {} ms: kafka {} postgres {}",
                containers ? "testcontainers" : "embedded", (System.nanoTime() - started) / 1_000_000,
                infrastructure.kafkaBootstrapServers, infrastructure.jdbcBase);
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static SharedInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (java.io.IOException e) {
            kafka.destroy();
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.destroy();
            try {
                postgres.close();
            } catch (java.io.IOException ignored) {
                // the JVM is exiting; the temporary data directory goes with it
            }
        }, "shared-infrastructure-shutdown"));
        return new SharedInfrastructure(kafka.getBrokersAsString(),
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres");
    }

    @SuppressWarnings("resource")
    private static SharedInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        kafka.start();
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }, "shared-infrastructure-shutdown"));
        return new SharedInfrastructure(kafka.getBootstrapServers(),
                "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/",
                postgres.getUsername(), postgres.getPassword());
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    /** Creates a new, empty database for one Spring context or test and returns its name. */
    public String createDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }
}

package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky's binaries) on a fixed port and data directory, so the fault suite can stop it
 * (pg_ctl stop -m fast: every connection is cut) and start it again with the same data. devstack's
 * {@code DevPostgres} does the same but is packed inside devstack's executable jar (see the README).
 */
public final class Postgres implements AutoCloseable {

    static final String DATABASE = "switchboard";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private EmbeddedPostgres postgres;

    Postgres(Path dataDirectory, Path log) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.log = log;
        this.port = Ports.free();
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.toAbsolutePath().getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .setServerConfig("max_connections", "300")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "postgres");
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "postgres");
    }

    /** The postmaster's pid, for its CPU and memory. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }
}

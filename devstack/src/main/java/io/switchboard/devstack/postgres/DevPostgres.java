package io.switchboard.devstack.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.switchboard.devstack.process.Component;
import io.switchboard.devstack.process.LogFiles;
import io.switchboard.devstack.process.StartupFailure;

/**
 * A real PostgreSQL 17 from Maven (zonky's embedded binaries) with a data directory that outlives the
 * launcher, holding the one application database and role the services share; each service keeps to
 * its own schema in it, which its Flyway creates.
 */
public final class DevPostgres implements Component {

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final String database;
    private final String user;
    private final String password;

    private EmbeddedPostgres postgres;
    private CompletableFuture<String> exited = new CompletableFuture<>();
    private boolean stopped;

    /**
     * @param database the database to create, owned by {@code user}
     * @param user     a login role created with {@code password}
     */
    public DevPostgres(Path dataDirectory, int port, Path logFile, String database, String user, String password) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.logFile = logFile;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void start(Duration timeout) throws StartupFailure {
        if (stopped) {
            throw new StartupFailure(name(), "postgres was not started: the stack is stopping", logFile);
        }
        LogFiles.rotate(logFile);
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(timeout)
                    // The launcher stops PostgreSQL itself, after the services that use it.
                    .setRegisterShutdownHook(false)
                    // zonky turns it off for speed; a developer's data should survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure(name(), "PostgreSQL did not start: " + e.getMessage(), logFile, e);
        }
        exited = postmaster()
                .map(process -> process.onExit().thenApply(ended -> "server process " + ended.pid() + " ended"))
                .orElseGet(CompletableFuture::new);
        try {
            ensureRoleAndDatabase();
        } catch (SQLException e) {
            throw new StartupFailure(name(), "could not create the " + database + " database: " + e.getMessage(),
                    logFile, e);
        }
    }

    /** Creates the role and the database unless an earlier start did. */
    void ensureRoleAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                statement.execute("create role " + identifier(user) + " login password " + literal(password));
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + identifier(database) + " owner " + identifier(user));
            }
        }
    }

    @Override
    public CompletableFuture<String> exited() {
        return exited;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // pg_ctl's own output, in the log, says what went wrong; there is nothing more to do here.
            }
            postgres = null;
        }
        exited.complete("stopped");
    }

    @Override
    public Optional<ProcessHandle> processHandle() {
        return postmaster();
    }

    /** The server process itself (pg_ctl, which zonky started, has long exited): for noticing if it dies. */
    private Optional<ProcessHandle> postmaster() {
        return postmasterPid(dataDirectory).flatMap(ProcessHandle::of);
    }

    /** The pid PostgreSQL wrote into its data directory, if a server is (or was last) running from it. */
    public static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst()
                    .map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

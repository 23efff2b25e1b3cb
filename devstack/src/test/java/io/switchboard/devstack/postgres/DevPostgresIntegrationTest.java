package io.switchboard.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.devstack.FreePorts;
import io.switchboard.devstack.process.StartupFailure;

class DevPostgresIntegrationTest {

    @TempDir
    Path directory;

    private DevPostgres postgres;

    @AfterEach
    void stop() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void createsTheApplicationDatabaseOnceAndKeepsItsDataAcrossARestart() throws StartupFailure, SQLException {
        int port = FreePorts.next();
        postgres = start(port);

        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            statement.execute("create schema register");
            statement.execute("create table register.client (id int primary key, name text)");
            statement.execute("insert into register.client values (1, 'Harbour Bakery')");
        }
        postgres.ensureRoleAndDatabase();
        postgres.stop();
        assertThat(postgres.exited()).isDone();

        postgres = start(port);

        try (Connection connection = connect(port); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name, current_user from register.client")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Harbour Bakery");
            assertThat(rows.getString(2)).isEqualTo("switchboard");
        }
        assertThat(postgres.processHandle()).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
    }

    private DevPostgres start(int port) throws StartupFailure {
        DevPostgres started = new DevPostgres(directory.resolve("postgres"), port, directory.resolve("postgres.log"),
                "switchboard", "switchboard", "switchboard");
        started.start(Duration.ofSeconds(60));
        return started;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/switchboard", "switchboard",
                "switchboard");
    }
}

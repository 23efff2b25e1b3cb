package io.switchboard.platform.test;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs a service's migrations, with extra locations such as its demo data, on a fresh database of
 * the shared server, so a test can prove they apply cleanly.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates a new database into {@code schema} from {@code locations} and returns a client on it. */
    public static JdbcClient applyToFreshDatabase(String schema, String... locations) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String database = infrastructure.createDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(infrastructure.jdbcUrl(database) + "?currentSchema="
                + schema, infrastructure.username(), infrastructure.password());
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(locations)
                .failOnMissingLocations(true).load().migrate();
        return JdbcClient.create(dataSource);
    }
}

package io.switchboard.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Migrations;

class DemoDataMigrationIntegrationTest {

    @Test
    void demoPracticesAndStaffApplyOnTopOfTheSchema() {
        JdbcClient jdbc = Migrations.applyToFreshDatabase("integration",
                "classpath:db/platform", "classpath:db/migration", "classpath:db/demo");

        assertThat(jdbc.sql("select name from practice order by name").query(String.class).list())
                .containsExactly("Harbour & Co Accountants", "Northwind Bookkeeping");
        assertThat(jdbc.sql("select role from staff_user where practice_id = '11111111-1111-4111-8111-111111111111' order by role")
                .query(String.class).list()).containsExactly("PRACTICE_ADMIN", "STAFF", "STAFF");
    }
}

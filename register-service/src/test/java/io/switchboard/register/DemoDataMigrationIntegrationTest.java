package io.switchboard.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Migrations;

class DemoDataMigrationIntegrationTest {

    @Test
    void demoClientsGroupsAndContactsApplyOnTopOfTheSchema() {
        JdbcClient jdbc = Migrations.applyToFreshDatabase("register",
                "classpath:db/platform", "classpath:db/migration", "classpath:db/demo");

        assertThat(jdbc.sql("select count(*) from client where practice_id = '11111111-1111-4111-8111-111111111111'")
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(distinct family_group_id) from client").query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from contact").query(Integer.class).single()).isEqualTo(4);
    }
}

package io.switchboard.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Migrations;

class DemoDataMigrationIntegrationTest {

    @Test
    void demoClientsGroupsContactsEntriesAndTemplatesApplyOnTopOfTheSchema() {
        JdbcClient jdbc = Migrations.applyToFreshDatabase("register",
                "classpath:db/platform", "classpath:db/migration", "classpath:db/demo");

        assertThat(jdbc.sql("select count(*) from client where practice_id = '11111111-1111-4111-8111-111111111111'")
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(distinct family_group_id) from client").query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from contact").query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("""
                select count(*) from correspondence_entry
                where type = 'PHONE_MESSAGE' and recipient_user_id = 'a0000000-0000-4000-8000-000000000002'
                """).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from email_template").query(Integer.class).single()).isEqualTo(1);
    }
}

package io.switchboard.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TenantJdbcTest {

    private final TenantJdbc jdbc = new TenantJdbc(JdbcClient.create(new DriverManagerDataSource("jdbc:unused:")));

    @Test
    void refusesStatementThatDoesNotFilterOnThePractice() {
        assertThatThrownBy(() -> jdbc.sql(UUID.randomUUID(), "select * from client where id = :id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":practiceId");
    }

    @Test
    void refusesScopedStatementWithoutAnAuthenticatedPracticeUser() {
        assertThatThrownBy(() -> jdbc.sql("select * from client where practice_id = :practiceId"))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}

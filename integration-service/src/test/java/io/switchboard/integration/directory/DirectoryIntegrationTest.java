package io.switchboard.integration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

@SwitchboardIntegrationTest
class DirectoryIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final UUID practiceA = UUID.randomUUID();
    final UUID practiceB = UUID.randomUUID();
    Api api;

    @BeforeEach
    void practices() {
        api = Api.onPort(port);
        practice(practiceA, "Harbour & Co");
        practice(practiceB, "Northwind");
        staff(practiceA, "alex@harbour.example", "Alex Harbour", "PRACTICE_ADMIN");
        staff(practiceA, "sam@harbour.example", "Sam Patel", "STAFF");
        staff(practiceB, "nina@northwind.example", "Nina Berg", "PRACTICE_ADMIN");
    }

    @Test
    void showsTheCallersPracticeAndOnlyItsStaff() {
        assertThat(api.get("/practice", TestTokens.staff(practiceA)).json().get("name").asText()).isEqualTo("Harbour & Co");
        assertThat(api.get("/directory/users", TestTokens.staff(practiceA)).json().valueStream()
                .map(u -> u.get("email").asText()).toList())
                .containsExactly("alex@harbour.example", "sam@harbour.example");
    }

    @Test
    void aTokenForAPracticeThatDoesNotExistFindsNothing() {
        Api.Response response = api.get("/practice", TestTokens.staff(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private void practice(UUID id, String name) {
        jdbc.sql("insert into practice (id, name) values (:id, :name)").param("id", id).param("name", name).update();
    }

    private void staff(UUID practice, String email, String name, String role) {
        jdbc.sql("""
                insert into staff_user (id, practice_id, email, display_name, role)
                values (:id, :p, :email, :name, :role)
                """).param("id", UUID.randomUUID()).param("p", practice).param("email", email)
                .param("name", name).param("role", role).update();
    }
}

package io.switchboard.integration.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.directory.Role;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
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

    @Test
    void practicesAreCreatedByThePlatformOnly() {
        UUID id = UUID.randomUUID();
        Map<String, String> body = Map.of("id", id.toString(), "name", "Fresh Books");

        assertThat(api.post("/internal/practices", TestTokens.admin(id), body).status()).isEqualTo(403);
        assertThat(api.post("/internal/practices", TestTokens.service("internal"), body).status()).isEqualTo(201);
        assertThat(api.post("/internal/practices", TestTokens.service("internal"), body).status()).isEqualTo(409);
        assertThat(api.get("/practice", TestTokens.staff(id)).json().get("name").asText()).isEqualTo("Fresh Books");
    }

    @Test
    void adminAddsChangesAndDeactivatesStaffAndEachChangeIsPublished() {
        PracticeMother practice = PracticeMother.empty(api, "Directory Co");
        UUID jo = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Topics.DIRECTORY_USER.name())) {
            Api.Response added = api.post("/directory/users", practice.admin(), Map.of("id", jo.toString(),
                    "email", "Jo@Directory.example", "displayName", "Jo Lee", "role", "STAFF"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.json().get("email").asText()).isEqualTo("jo@directory.example");
            DirectoryUserSnapshot first = Events.await(probe, EventTypes.DIRECTORY_USER, practice.id,
                    u -> u.userId().equals(jo));
            assertThat(first.role()).isEqualTo(Role.STAFF);
            assertThat(first.active()).isTrue();

            api.send(api.request("/directory/users/" + jo, practice.admin())
                    .header("Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"PRACTICE_ADMIN\"}"))
                    .build());
            Events.await(probe, EventTypes.DIRECTORY_USER, practice.id,
                    u -> u.userId().equals(jo) && u.role() == Role.PRACTICE_ADMIN);

            assertThat(api.post("/directory/users/" + jo + "/deactivate", practice.admin(), "").status()).isEqualTo(200);
            Events.await(probe, EventTypes.DIRECTORY_USER, practice.id, u -> u.userId().equals(jo) && !u.active());
        }
        assertThat(api.get("/directory/users", practice.staff()).json().get(0).get("active").asBoolean()).isFalse();
    }

    @Test
    void emailIsUniquePerPracticeAndInputIsChecked() {
        PracticeMother practice = PracticeMother.withStaff(api, "Unique Co");

        Api.Response duplicate = api.post("/directory/users", practice.admin(),
                Map.of("email", practice.staffEmail.toUpperCase(), "displayName", "Again", "role", "STAFF"));
        Api.Response invalid = api.post("/directory/users", practice.admin(),
                Map.of("email", "not-an-address", "displayName", "", "role", "STAFF"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
                .contains("email", "displayName");
    }

    @Test
    void staffCannotChangeTheDirectoryNorTouchAnotherPracticesUsers() {
        PracticeMother practice = PracticeMother.withStaff(api, "Roles Co");
        PracticeMother other = PracticeMother.withStaff(api, "Other Co");

        assertThat(api.post("/directory/users", practice.staff(),
                Map.of("email", "x@roles.example", "displayName", "X", "role", "STAFF")).status()).isEqualTo(403);
        assertThat(api.post("/directory/users/" + other.staffId + "/deactivate", practice.admin(), "").status())
                .isEqualTo(404);
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

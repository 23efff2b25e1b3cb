package io.switchboard.register.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class ClientSearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final UUID practiceA = UUID.randomUUID();
    final UUID practiceB = UUID.randomUUID();
    Api api;

    @BeforeEach
    void clients() {
        api = Api.onPort(port);
        UUID group = UUID.randomUUID();
        jdbc.sql("insert into family_group (id, practice_id, name) values (:id, :p, 'Nguyen family')")
                .param("id", group).param("p", practiceA).update();
        insert(practiceA, group, "Linh Nguyen", "linh@nguyen.example");
        insert(practiceA, null, "Ada Okafor", "ada@okafor.example");
        insert(practiceA, null, "100% Bakery", "shop@bakery.example");
        insert(practiceB, null, "Linh Other", "linh@other.example");
    }

    @Test
    void listsOnlyTheCallersPracticeClientsByName() {
        JsonNode clients = api.get("/clients", TestTokens.staff(practiceA)).json();

        assertThat(names(clients)).containsExactly("100% Bakery", "Ada Okafor", "Linh Nguyen");
        assertThat(clients.get(2).get("familyGroupName").asText()).isEqualTo("Nguyen family");
    }

    @Test
    void searchesByNameOrEmailCaseInsensitively() {
        assertThat(names(api.get("/clients?q=LINH", TestTokens.staff(practiceA)).json())).containsExactly("Linh Nguyen");
        assertThat(names(api.get("/clients?q=okafor.example", TestTokens.staff(practiceA)).json())).containsExactly("Ada Okafor");
        assertThat(names(api.get("/clients?q=linh", TestTokens.staff(practiceB)).json())).containsExactly("Linh Other");
    }

    @Test
    void treatsLikeWildcardsInTheQueryAsText() {
        assertThat(names(api.get("/clients?q=%25", TestTokens.staff(practiceA)).json())).containsExactly("100% Bakery");
        assertThat(names(api.get("/clients?q=_", TestTokens.staff(practiceA)).json())).isEmpty();
    }

    @Test
    void refusesAnOverlongQueryWithAFieldProblem() {
        Api.Response response = api.get("/clients?q=" + "x".repeat(201), TestTokens.staff(practiceA));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    private void insert(UUID practice, UUID group, String name, String email) {
        jdbc.sql("""
                insert into client (id, practice_id, family_group_id, kind, display_name, email)
                values (:id, :p, :g, 'PERSON', :name, :email)
                """).param("id", UUID.randomUUID()).param("p", practice).param("g", group)
                .param("name", name).param("email", email).update();
    }

    private static List<String> names(JsonNode clients) {
        return clients.valueStream().map(c -> c.get("displayName").asText()).toList();
    }
}

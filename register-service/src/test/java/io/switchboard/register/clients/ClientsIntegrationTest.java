package io.switchboard.register.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import tools.jackson.databind.JsonNode;

@SwitchboardIntegrationTest
class ClientsIntegrationTest {

    @LocalServerPort
    int port;

    final UUID practice = UUID.randomUUID();
    String token;
    Api api;

    @BeforeEach
    void api() {
        api = Api.onPort(port);
        token = TestTokens.staff(practice);
    }

    @Test
    void createsUpdatesAndReadsAClientInAFamilyGroup() {
        UUID group = ClientMother.createGroup(api, token, "Nguyen family");
        Api.Response created = api.post("/clients", token,
                ClientMother.inGroup(ClientMother.person("Linh Nguyen", "linh@nguyen.example"), group));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("familyGroupName").asText()).isEqualTo("Nguyen family");
        ClientMother.createPerson(api, token, "Ungrouped Client");
        assertThat(api.get("/clients?familyGroupId=" + group, token).json().valueStream()
                .map(c -> c.get("displayName").asText()).toList()).containsExactly("Linh Nguyen");

        Map<String, Object> changed = ClientMother.person("Linh Nguyen-Tran", "linh@tran.example");
        changed.put("kind", "ENTITY");
        JsonNode updated = api.put("/clients/" + id, token, changed).json();
        assertThat(updated.get("displayName").asText()).isEqualTo("Linh Nguyen-Tran");
        assertThat(updated.get("kind").asText()).isEqualTo("ENTITY");
        assertThat(updated.get("familyGroupId").isNull()).isTrue();
        assertThat(api.get("/clients?familyGroupId=" + group, token).json().size()).isZero();
        assertThat(api.get("/clients/" + id, token).json().get("email").asText()).isEqualTo("linh@tran.example");
    }

    @Test
    void keepsContactsPerClientAndFindsClientsByAContactsEmail() {
        UUID client = ClientMother.createPerson(api, token, "Nguyen Holdings");
        Api.Response added = api.post("/clients/" + client + "/contacts", token,
                Map.of("name", "Priya Shah", "email", "priya@holdings.example", "phone", "+61 2 9000 0104", "position", "Bookkeeper"));

        assertThat(added.status()).isEqualTo(201);
        String contact = added.json().get("id").asText();
        assertThat(api.get("/clients/" + client, token).json().get("contacts").get(0).get("position").asText())
                .isEqualTo("Bookkeeper");
        assertThat(api.get("/clients?q=priya@holdings", token).json().get(0).get("displayName").asText())
                .isEqualTo("Nguyen Holdings");

        assertThat(api.put("/clients/" + client + "/contacts/" + contact, token,
                Map.of("name", "Priya Shah", "position", "Director")).json().get("position").asText()).isEqualTo("Director");
        assertThat(api.delete("/clients/" + client + "/contacts/" + contact, token).status()).isEqualTo(204);
        assertThat(api.get("/clients/" + client + "/contacts", token).json().size()).isZero();
    }

    @Test
    void refusesInvalidClientsAndContactsWithTheirFields() {
        Api.Response client = api.post("/clients", token, Map.of("kind", "PERSON", "displayName", "", "email", "nope"));
        assertThat(client.status()).isEqualTo(400);
        assertThat(fields(client)).containsExactlyInAnyOrder("displayName", "email");

        UUID id = ClientMother.createPerson(api, token, "Ada Okafor");
        Api.Response contact = api.post("/clients/" + id + "/contacts", token,
                Map.of("name", "x".repeat(201), "email", "not-an-email"));
        assertThat(contact.status()).isEqualTo(400);
        assertThat(fields(contact)).containsExactlyInAnyOrder("name", "email");
        assertThat(api.get("/clients", token).json().size()).isEqualTo(1);
    }

    @Test
    void refusesADuplicateFamilyGroupName() {
        UUID group = ClientMother.createGroup(api, token, "Okafor family");
        UUID other = ClientMother.createGroup(api, token, "Berg family");

        assertThat(api.post("/family-groups", token, Map.of("name", "Okafor family")).status()).isEqualTo(409);
        assertThat(api.put("/family-groups/" + other, token, Map.of("name", "Okafor family")).status()).isEqualTo(409);
        // Another practice may use the same name.
        assertThat(api.post("/family-groups", TestTokens.staff(UUID.randomUUID()), Map.of("name", "Okafor family")).status())
                .isEqualTo(201);
        assertThat(api.get("/family-groups/" + group, token).json().get("name").asText()).isEqualTo("Okafor family");
    }

    @Test
    void deletesAFamilyGroupKeepingItsClients() {
        UUID group = ClientMother.createGroup(api, token, "Short-lived");
        UUID client = ClientMother.create(api, token, ClientMother.inGroup(ClientMother.person("Kept", "kept@example.com"), group));

        assertThat(api.get("/family-groups/" + group, token).json().get("clients").size()).isEqualTo(1);
        assertThat(api.delete("/family-groups/" + group, token).status()).isEqualTo(204);
        assertThat(api.get("/family-groups/" + group, token).status()).isEqualTo(404);
        assertThat(api.get("/clients/" + client, token).json().get("familyGroupId").isNull()).isTrue();
    }

    @Test
    void answersNotFoundForAnotherPracticesClientsGroupsAndContacts() {
        UUID group = ClientMother.createGroup(api, token, "Ours");
        UUID client = ClientMother.createPerson(api, token, "Our Client");
        String contact = api.post("/clients/" + client + "/contacts", token, Map.of("name", "Our Contact"))
                .json().get("id").asText();
        String stranger = TestTokens.staff(UUID.randomUUID());

        assertThat(api.get("/clients/" + client, stranger).status()).isEqualTo(404);
        assertThat(api.put("/clients/" + client, stranger, ClientMother.person("Taken", "t@example.com")).status()).isEqualTo(404);
        assertThat(api.get("/clients/" + client + "/contacts", stranger).status()).isEqualTo(404);
        assertThat(api.post("/clients/" + client + "/contacts", stranger, Map.of("name", "Sneaky")).status()).isEqualTo(404);
        assertThat(api.delete("/clients/" + client + "/contacts/" + contact, stranger).status()).isEqualTo(404);
        assertThat(api.get("/family-groups/" + group, stranger).status()).isEqualTo(404);
        assertThat(api.delete("/family-groups/" + group, stranger).status()).isEqualTo(404);
        assertThat(api.post("/clients", stranger, ClientMother.inGroup(ClientMother.person("X", "x@example.com"), group))
                .status()).isEqualTo(404);
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList();
    }
}

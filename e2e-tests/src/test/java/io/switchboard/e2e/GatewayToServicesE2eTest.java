package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.TestTokens;

/**
 * A caller reaches the services only through the gateway, with a token both the gateway and the
 * service validate, and sees only its own practice.
 */
class GatewayToServicesE2eTest {

    static Stack stack;
    static Api api;
    static final UUID HARBOUR = UUID.randomUUID();
    static final UUID NORTHWIND = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.get();
        api = new Api(stack.gateway.baseUrl());
        // Clients are arranged in the register's schema directly until the register's API creates them.
        try (Connection connection = stack.jdbc();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into register.client (id, practice_id, kind, display_name, email) values (?, ?, 'PERSON', ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, HARBOUR);
            insert.setString(3, "Linh Nguyen");
            insert.setString(4, "linh@nguyen.example");
            insert.executeUpdate();
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, NORTHWIND);
            insert.setString(3, "Ola Dahl");
            insert.setString(4, "ola@fjord.example");
            insert.executeUpdate();
        }
    }

    @Test
    void aPracticeUserListsItsClientsThroughTheGateway() {
        Api.Response response = api.get("/api/register/clients", TestTokens.user(HARBOUR, UUID.randomUUID(), Role.STAFF));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().valueStream().map(c -> c.get("displayName").asText()).toList())
                .containsExactly("Linh Nguyen");
    }

    @Test
    void aTokenTheGatewayRejectsNeverReachesAService() {
        Api.Response forged = api.get("/api/register/clients", TestTokens.forged(HARBOUR, Role.STAFF));
        Api.Response none = api.get("/api/integrations/practice", null);

        assertThat(forged.status()).isEqualTo(401);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    @Test
    void eachServiceBehindTheGatewayAnswersForItsOwnPrefix() {
        Api.Response practice = api.get("/api/integrations/practice", TestTokens.user(NORTHWIND, UUID.randomUUID(), Role.STAFF));

        // No practice row exists for this tenant yet: the integration service, not the gateway, says so.
        assertThat(practice.status()).isEqualTo(404);
        assertThat(practice.contentType()).startsWith("application/problem+json");
        assertThat(practice.json().has("correlationId")).isTrue();
    }
}

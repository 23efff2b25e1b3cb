package io.switchboard.register.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;

/**
 * Every change to a client or its contacts publishes the client whole on the compacted register.client.v1
 * (consumers such as gmail-sync match senders to clients with it), with a version that orders them.
 */
@SwitchboardIntegrationTest
class ClientSnapshotsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventCodec codec;
    @Autowired
    JdbcClient jdbc;
    final UUID practice = UUID.randomUUID();

    @Test
    void eachChangeToAClientOrItsContactsPublishesTheWholeClientWithAHigherVersion() {
        Api api = Api.onPort(port);
        String token = TestTokens.staff(practice);
        try (KafkaProbe probe = KafkaProbe.on(Topics.REGISTER_CLIENT.name())) {
            UUID client = ClientMother.create(api, token, ClientMother.person("Nguyen Holdings", "accounts@nguyen.example"));
            ClientSnapshot created = await(probe, client, 1);
            assertThat(created.email()).isEqualTo("accounts@nguyen.example");
            assertThat(created.contacts()).isEmpty();

            Api.Response contact = api.post("/clients/" + client + "/contacts", token,
                    Map.of("name", "Priya Shah", "email", "priya@nguyen.example", "position", "Bookkeeper"));
            assertThat(contact.status()).as(contact.body()).isEqualTo(201);
            ClientSnapshot withContact = await(probe, client, 2);
            assertThat(withContact.contacts()).extracting(ClientContact::email).containsExactly("priya@nguyen.example");
            assertThat(withContact.contacts().get(0).role()).isEqualTo("Bookkeeper");

            api.delete("/clients/" + client + "/contacts/" + contact.json().get("id").asText(), token);
            assertThat(await(probe, client, 3).contacts()).isEmpty();
        }
    }

    @Test
    void clientsWrittenPastTheOutboxAreRepublishedOnAnOperatorsRequest() {
        Api api = Api.onPort(port);
        UUID client = UUID.randomUUID();
        // As the dev stack's demo migration writes them: no event.
        jdbc.sql("insert into client (id, practice_id, kind, display_name, email) values (:id, :p, 'PERSON', 'Ada Okafor', 'ada@okafor.example')")
                .param("id", client).param("p", practice).update();

        try (KafkaProbe probe = KafkaProbe.on(Topics.REGISTER_CLIENT.name())) {
            Api.Response republished = api.post("/internal/snapshots/republish", TestTokens.service("internal"), "");

            assertThat(republished.status()).as(republished.body()).isEqualTo(200);
            assertThat(await(probe, client, 1).displayName()).isEqualTo("Ada Okafor");
        }
        assertThat(api.post("/internal/snapshots/republish", TestTokens.admin(practice), "").status()).isEqualTo(403);
    }

    private ClientSnapshot await(KafkaProbe probe, UUID client, long version) {
        CloudEvent event = probe.awaitEvent(e -> e.getType().equals(EventTypes.CLIENT_SNAPSHOT.type())
                && codec.decode(e, EventTypes.CLIENT_SNAPSHOT).clientId().equals(client)
                && codec.decode(e, EventTypes.CLIENT_SNAPSHOT).version() == version);
        return codec.decode(event, EventTypes.CLIENT_SNAPSHOT);
    }
}

package io.switchboard.gmail.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientKind;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.gmail.testsupport.GmailIntegrationTestBase;
import io.switchboard.sandbox.google.GmailMessageSeed;
import tools.jackson.databind.JsonNode;

/** The projection of register.client.v1 keeps the newest snapshot and suggests active clients only. */
class ClientProjectionIntegrationTest extends GmailIntegrationTestBase {

    @Test
    void keepsTheNewestSnapshotAndForgetsArchivedClientsForSuggestions() {
        Staff sam = connectedStaff();
        UUID acme = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        ClientContact jo = new ClientContact(UUID.randomUUID(), "Jo Citizen", "jo@acme.example", null);
        long processedBefore = processedClientEvents();
        publish(new ClientSnapshot(sam.practiceId(), acme, ClientKind.ENTITY, "Acme Group", null, null, List.of(jo),
                true, 2, Instant.now()));
        publish(new ClientSnapshot(sam.practiceId(), acme, ClientKind.ENTITY, "Acme (old name)", null, null, List.of(),
                true, 1, Instant.now().minusSeconds(60)));
        publish(new ClientSnapshot(sam.practiceId(), archived, ClientKind.PERSON, "Jo (archived)", "jo@acme.example",
                null, List.of(), false, 4, Instant.now()));
        String message = deliver(sam, GmailMessageSeed.email("jo@acme.example", sam.email(), "Hi", "…")).id();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processedClientEvents() >= processedBefore + 3);
        JsonNode suggestions = api().get("/messages/" + message + "/suggestions", sam.token()).json().get("suggestions");
        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.get("clientId").asText()).isEqualTo(acme.toString());
            assertThat(s.get("displayName").asText()).isEqualTo("Acme Group");
            assertThat(s.get("contact").get("contactId").asText()).isEqualTo(jo.contactId().toString());
        });
    }

    private long processedClientEvents() {
        return jdbc.sql("select count(*) from processed_event where consumer = 'gmail-clients'").query(Long.class).single();
    }
}

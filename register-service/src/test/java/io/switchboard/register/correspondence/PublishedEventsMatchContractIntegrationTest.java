package io.switchboard.register.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventTypes;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.register.testsupport.ClientMother;
import io.switchboard.register.testsupport.EntryMother;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event the register publishes validates against its JSON Schema in the contracts. */
@SwitchboardIntegrationTest
class PublishedEventsMatchContractIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @LocalServerPort
    int port;

    @Test
    void recordedSharedActionedAndDeletedEventsValidateAgainstTheirSchemas() {
        UUID practice = UUID.randomUUID();
        String token = TestTokens.staff(practice);
        Api api = Api.onPort(port);
        UUID client = ClientMother.createPerson(api, token, "Linh Nguyen");
        try (KafkaProbe probe = KafkaProbe.on("register.correspondence.v1")) {
            UUID entry = EntryMother.phoneMessage(client).forRecipient(UUID.randomUUID())
                    .attachment("Notice.pdf", "https://docs.example/notice.pdf")
                    .sharedTo(EntryMother.practiceDefault()).sharedTo(EntryMother.emailTo("sam@practice.example.com"))
                    .create(api, token);
            api.post("/entries/" + entry + "/shares", token, Map.of("targets", List.of(
                    EntryMother.slackChannel("C0123", "#front-desk"),
                    Map.of("kind", "MENTION", "provider", "TEAMS", "userIds", List.of(UUID.randomUUID()),
                            "channel", Map.of("id", "19:abc@thread.tacv2", "name", "General", "teamId", "team-1")))));
            api.post("/entries/" + entry + "/actioned", token, "");
            api.delete("/entries/" + entry, token);
            UUID email = EntryMother.of("EMAIL_OUT", client, "Your BAS").with("body", "Dear Linh,\n\nIt is due.")
                    .create(api, token);

            for (EventType<?> type : List.of(EventTypes.CORRESPONDENCE_RECORDED, EventTypes.CORRESPONDENCE_SHARED,
                    EventTypes.CORRESPONDENCE_ACTIONED, EventTypes.CORRESPONDENCE_DELETED)) {
                assertMatchesSchema(probe, type, entry);
            }
            assertMatchesSchema(probe, EventTypes.CORRESPONDENCE_RECORDED, email);
        }
    }

    private static void assertMatchesSchema(KafkaProbe probe, EventType<?> type, UUID entry) {
        CloudEvent event = probe.awaitEvent(e -> type.type().equals(e.getType()) && entry.toString().equals(e.getSubject()));
        assertThat(event.getDataSchema()).isEqualTo(type.dataSchema());
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(schema(type).validate(data)).as(type.type()).isEmpty();
    }

    private static Schema schema(EventType<?> type) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.gmail.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientKind;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.platform.security.Role;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GmailMessageSeed;

/**
 * What the integration tests of this module share: the running service, the way to publish what other
 * services would publish, and practices with connected staff whose mailboxes live in the sandbox.
 * Every test makes a practice of its own, so tests sharing the one context never see each other's data.
 */
@SwitchboardIntegrationTest
public abstract class GmailIntegrationTestBase {

    public static final String GMAIL_TOPIC = "gmail.email.v1";

    /** A staff user of a practice with a Gmail mailbox in the sandbox, and their API token. */
    public record Staff(UUID practiceId, UUID userId, String email, String token) {
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api() {
        return Api.onPort(port);
    }

    protected static ProviderSandbox sandbox() {
        return ProviderSandbox.shared();
    }

    /** A staff user in a new practice with Gmail enabled, connected with the add-on and send scopes. */
    protected Staff connectedStaff(String... extraScopes) {
        UUID practice = UUID.randomUUID();
        IntegrationStandIn.enable(practice);
        return colleague(practice, Role.STAFF, extraScopes);
    }

    /** Another connected user of {@code practiceId}. */
    protected Staff colleague(UUID practiceId, Role role, String... extraScopes) {
        UUID user = UUID.randomUUID();
        String email = "staff-" + user.toString().substring(0, 8) + "@harbour.example";
        String[] scopes = new String[extraScopes.length + 2];
        scopes[0] = IntegrationStandIn.ADDON;
        scopes[1] = IntegrationStandIn.SEND;
        System.arraycopy(extraScopes, 0, scopes, 2, extraScopes.length);
        IntegrationStandIn.connect(practiceId, user, email, scopes);
        return new Staff(practiceId, user, email, TestTokens.user(practiceId, user, role));
    }

    /** A client of the practice with one contact, published as the register would, and awaited in the projection. */
    protected UUID client(UUID practiceId, String name, String clientEmail, String contactEmail) {
        UUID client = UUID.randomUUID();
        List<ClientContact> contacts = contactEmail == null ? List.of()
                : List.of(new ClientContact(UUID.randomUUID(), "Jo Citizen", contactEmail, "Director"));
        publish(new ClientSnapshot(practiceId, client, ClientKind.ENTITY, name, clientEmail, null, contacts, true, 1,
                Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from client_view where client_id = :id").param("id", client).query(Long.class).single() == 1);
        return client;
    }

    /** Delivers a mail to the staff user's mailbox in the sandbox. */
    protected GmailMessage deliver(Staff staff, GmailMessageSeed seed) {
        return sandbox().google().deliver(staff.email(), seed);
    }

    protected void publish(EventData data) {
        EventType<?> type = codec.catalog().forData(data.getClass());
        kafka.send(type.topic().name(), data.subject(), codec.encode(data, EventMetadata.now("/test/peer", null, null)))
                .join();
    }

    protected GmailEmailAssigned assigned(CloudEvent event) {
        return codec.decode(event, EventTypes.GMAIL_EMAIL_ASSIGNED);
    }

    protected static boolean isAssigned(CloudEvent event, UUID entryId) {
        return EventTypes.GMAIL_EMAIL_ASSIGNED.type().equals(event.getType())
                && new String(event.getData().toBytes()).contains(entryId.toString());
    }
}

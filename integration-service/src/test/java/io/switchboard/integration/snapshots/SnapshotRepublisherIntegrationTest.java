package io.switchboard.integration.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.integration.support.Events;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

@SwitchboardIntegrationTest
class SnapshotRepublisherIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsWrittenPastTheOutboxReachTheTopicsWhenAnOperatorRepublishes() {
        // As the dev stack's demo migration does: rows written straight into the tables, no event published.
        UUID practice = UUID.randomUUID();
        UUID sam = UUID.randomUUID();
        jdbc.sql("insert into practice (id, name) values (:id, 'Behind The Outbox')").param("id", practice).update();
        jdbc.sql("insert into staff_user (id, practice_id, email, display_name, role)"
                        + " values (:id, :practice, 'sam@outbox.example', 'Sam Patel', 'STAFF')")
                .param("id", sam).param("practice", practice).update();

        try (KafkaProbe probe = KafkaProbe.on(Topics.DIRECTORY_USER.name(), Topics.INTEGRATION_SETTINGS.name())) {
            Api.Response response = Api.onPort(port).post("/internal/snapshots/republish",
                    TestTokens.service("internal"), "");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("practices").asInt()).isPositive();
            DirectoryUserSnapshot snapshot = Events.await(probe, EventTypes.DIRECTORY_USER, practice,
                    s -> s.userId().equals(sam));
            assertThat(snapshot.email()).isEqualTo("sam@outbox.example");
            NotificationSettingsSnapshot settings = Events.await(probe, EventTypes.NOTIFICATION_SETTINGS,
                    practice, s -> true);
            assertThat(settings.version()).isPositive();
        }
    }

    @Test
    void onlyAServiceOrOperatorMayRepublish() {
        UUID practice = UUID.randomUUID();

        Api.Response asAdmin = Api.onPort(port).post("/internal/snapshots/republish", TestTokens.admin(practice), "");

        assertThat(asAdmin.status()).isEqualTo(403);
        assertThat(asAdmin.contentType()).startsWith("application/problem+json");
    }
}

package io.switchboard.integration.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

@SwitchboardIntegrationTest
class NotificationSettingsIntegrationTest {

    private static final String REGISTER = "/settings/REGISTER/CORRESPONDENCE_SHARED";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    PracticeMother practice;

    @BeforeEach
    void practice() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Settings Co");
    }

    @Test
    void flagsAChatModeWithoutAChannelAndPublishesTheSnapshot() {
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_SETTINGS.name())) {
            Api.Response saved = api.put(REGISTER, practice.admin(), Map.of("deliveryMode", "CHAT_ONLY"));

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("deliveryMode").asText()).isEqualTo("CHAT_ONLY");
            assertThat(saved.json().get("warnings").get(0).get("code").asText()).isEqualTo("NO_CHANNEL_CONFIGURED");
            assertThat(saved.json().get("warnings").get(0).get("message").asText()).contains("nothing");
            NotificationSettingsSnapshot snapshot = Events.await(probe, EventTypes.NOTIFICATION_SETTINGS, practice.id,
                    s -> true);
            assertThat(snapshot.version()).isEqualTo(1);
            assertThat(snapshot.connectedProviders()).isEmpty();
            assertThat(snapshot.settings()).singleElement().satisfies(s -> {
                assertThat(s.tool()).isEqualTo(Tool.REGISTER);
                assertThat(s.trigger()).isEqualTo(Trigger.CORRESPONDENCE_SHARED);
                assertThat(s.deliveryMode()).isEqualTo(DeliveryMode.CHAT_ONLY);
                assertThat(s.defaultChannel()).isNull();
            });

            api.put(REGISTER, practice.admin(), Map.of("deliveryMode", "EMAIL_ONLY"));
            Events.await(probe, EventTypes.NOTIFICATION_SETTINGS, practice.id, s -> s.version() == 2
                    && s.settings().get(0).deliveryMode() == DeliveryMode.EMAIL_ONLY);
        }
        Api.Response all = api.get("/settings", practice.staff());
        assertThat(all.json().get("version").asLong()).isEqualTo(2);
        assertThat(all.json().get("settings").get(0).get("warnings")).isEmpty();
    }

    @Test
    void theRegisterDefaultsToEmailOnly() {
        Api.Response saved = api.put(REGISTER, practice.admin(), Map.of());

        assertThat(saved.json().get("deliveryMode").asText()).isEqualTo("EMAIL_ONLY");
        assertThat(saved.json().get("warnings")).isEmpty();
    }

    @Test
    void aChannelMustBeOneOfThePracticesRefreshedChannels() {
        channel("C0FRONT", "front-desk");
        PracticeMother other = PracticeMother.withStaff(api, "Other Co");

        Api.Response unknown = api.put(REGISTER, practice.admin(), Map.of("deliveryMode", "CHAT_ONLY",
                "channelId", "C0NOPE"));
        Api.Response anotherPractices = api.put(REGISTER, other.admin(), Map.of("deliveryMode", "CHAT_ONLY",
                "channelId", "C0FRONT"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("channelId");
        assertThat(anotherPractices.status()).isEqualTo(400);
        assertThat(api.get("/settings", other.admin()).json().get("settings")).isEmpty();
    }

    @Test
    void aChannelWithoutAConnectedSlackIsSavedButFlagged() {
        channel("C0FRONT", "front-desk");

        Api.Response saved = api.put(REGISTER, practice.admin(), Map.of("deliveryMode", "EMAIL_AND_CHAT",
                "channelId", "C0FRONT"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("defaultProvider").asText()).isEqualTo("SLACK");
        assertThat(saved.json().get("defaultChannel").get("name").asText()).isEqualTo("front-desk");
        assertThat(saved.json().get("warnings").get(0).get("code").asText()).isEqualTo("PROVIDER_DISCONNECTED");
    }

    @Test
    void onlyAdminsChangeSettingsAndPairsAreChecked() {
        assertThat(api.put(REGISTER, practice.staff(), Map.of()).status()).isEqualTo(403);
        assertThat(api.put("/settings/REGISTER/TASK_ASSIGNED", practice.admin(), Map.of()).status()).isEqualTo(400);
        assertThat(api.put("/settings/TASKS/TASK_ASSIGNED", practice.admin(),
                Map.of("deliveryMode", "EMAIL_ONLY")).status()).isEqualTo(400);
        assertThat(api.put("/settings/NOPE/TASK_ASSIGNED", practice.admin(), Map.of()).status()).isEqualTo(400);
        Map<String, Object> unknownField = new HashMap<>();
        unknownField.put("colour", "blue");
        assertThat(api.put(REGISTER, practice.admin(), unknownField).status()).isEqualTo(400);

        Api.Response tasks = api.put("/settings/TASKS/TASK_ASSIGNED", practice.admin(), Map.of());
        assertThat(tasks.json().get("deliveryMode").asText()).isEqualTo("CHAT_ONLY");
        assertThat(tasks.json().get("warnings").get(0).get("code").asText()).isEqualTo("NO_CHANNEL_CONFIGURED");
    }

    private void channel(String id, String name) {
        jdbc.sql("""
                insert into slack_channel (practice_id, id, name, is_private, is_archived, is_member, refreshed_at)
                values (:p, :id, :name, false, false, true, now())
                """).param("p", practice.id).param("id", id).param("name", name).update();
    }
}

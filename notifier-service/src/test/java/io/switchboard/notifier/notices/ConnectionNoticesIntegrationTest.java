package io.switchboard.notifier.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;

class ConnectionNoticesIntegrationTest extends NotifierIntegrationTestBase {

    private final UUID practice = UUID.randomUUID();

    @Test
    void teamsConsentTellsEveryActiveStaffUserOnceEvenWhenTheEventIsRedelivered() {
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        UUID kim = user(practice, "kim-" + practice + "@example.test", "Kim Lee", Role.STAFF, null, null);
        UUID gone = inactiveUser();

        CloudEvent consent = connection(practice, Provider.MICROSOFT_TEAMS, null, ConnectionStatus.CONNECTED);
        for (UUID user : List.of(admin, sam, kim)) {
            awaitItem(NotificationIds.derive(consent.getId(), NotificationChannel.IN_APP, "user:" + user));
        }
        // The same event again, then a later change of the same connection (same key, so handled after it):
        // once the later change's notice is in the admin's inbox, the redelivery has been handled too.
        send("integration.connection.v1", consent);
        CloudEvent later = send("integration.connection.v1",
                connectionChanged(practice, Provider.MICROSOFT_TEAMS, null, ConnectionStatus.BROKEN, Instant.now()));
        awaitItem(NotificationIds.derive(later.getId(), NotificationChannel.IN_APP, "user:" + admin));

        assertThat(items(sam)).isEqualTo(1);
        assertThat(items(kim)).isEqualTo(1);
        assertThat(items(admin)).isEqualTo(2);
        assertThat(items(gone)).isZero();
        String body = jdbc.sql("select body from inbox_item where id = :id")
                .param("id", NotificationIds.derive(consent.getId(), NotificationChannel.IN_APP, "user:" + kim))
                .query(String.class).single();
        assertThat(body).contains("Teams is connected for the practice")
                .contains("connect your own Microsoft account in My Profile");
    }

    @Test
    void aBrokenSlackConnectionTellsTheAdminsAndTheNextShareIsNotSentNeedingReauth() {
        settings(practice, DeliveryMode.CHAT_ONLY, ChannelRef.slack("C1FRONT", "front-desk"), true);
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        UUID staff = user(practice, "staff-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);

        CloudEvent broken = connection(practice, Provider.SLACK, null, ConnectionStatus.BROKEN);
        awaitItem(NotificationIds.derive(broken.getId(), NotificationChannel.IN_APP, "user:" + admin));
        assertThat(jdbc.sql("select title from inbox_item where user_id = :u").param("u", admin).query(String.class).single())
                .isEqualTo("The Slack connection needs re-authorising");

        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), phoneMessage(staff, staff), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .anyMatch(r -> r.channel() == NotificationChannel.SLACK));
            DeliveryReported report = reports(probe.events(), practice).stream()
                    .filter(r -> r.channel() == NotificationChannel.SLACK).findFirst().orElseThrow();
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.NOT_SENT);
            assertThat(report.reason()).isEqualTo(DeliveryReason.CONNECTION_NEEDS_REAUTH);
        }
        assertThat(items(staff)).isZero();
    }

    @Test
    void aUsersBrokenTeamsConnectionTellsThatUserAndTheAdmins() {
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        UUID kim = user(practice, "kim-" + practice + "@example.test", "Kim Lee", Role.STAFF, null, null);

        CloudEvent broken = connection(practice, Provider.MICROSOFT_TEAMS, sam, ConnectionStatus.BROKEN);
        awaitItem(NotificationIds.derive(broken.getId(), NotificationChannel.IN_APP, "user:" + sam));
        awaitItem(NotificationIds.derive(broken.getId(), NotificationChannel.IN_APP, "user:" + admin));
        assertThat(jdbc.sql("select title from inbox_item where user_id = :u").param("u", sam).query(String.class).single())
                .isEqualTo("Reconnect your Microsoft Teams account");
        assertThat(jdbc.sql("select title from inbox_item where user_id = :u").param("u", admin).query(String.class).single())
                .isEqualTo("Sam Patel's Microsoft Teams connection needs re-authorising");
        assertThat(items(kim)).isZero();
    }

    @Test
    void enablingGmailTellsEveryActiveStaffUserToConnectTheirAccount() {
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);

        CloudEvent enabled = connection(practice, Provider.GMAIL, null, ConnectionStatus.CONNECTED);

        for (UUID user : List.of(admin, sam)) {
            awaitItem(NotificationIds.derive(enabled.getId(), NotificationChannel.IN_APP, "user:" + user));
        }
        assertThat(jdbc.sql("select body from inbox_item where user_id = :u").param("u", sam).query(String.class).single())
                .contains("connect your own Google account in My Profile");
    }

    @Test
    void aChangeFromLongAgoIsProjectedButNotAnnouncedAgain() {
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);

        // As a new consumer group reading the compacted connection topic from its start would see it.
        connection(practice, Provider.MICROSOFT_TEAMS, null, ConnectionStatus.CONNECTED, Instant.now().minus(Duration.ofDays(3)));
        CloudEvent later = send("integration.connection.v1",
                connectionChanged(practice, Provider.MICROSOFT_TEAMS, null, ConnectionStatus.BROKEN, Instant.now()));
        awaitItem(NotificationIds.derive(later.getId(), NotificationChannel.IN_APP, "user:" + admin));

        assertThat(items(sam)).isZero();
        assertThat(items(admin)).isEqualTo(1);
    }

    private UUID inactiveUser() {
        UUID user = UUID.randomUUID();
        send("directory.user.v1", new DirectoryUserSnapshot(practice, user, "gone-" + practice + "@example.test",
                "Gone User", Role.STAFF, false, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from directory_user where user_id = :u")
                .param("u", user).query(Long.class).single() == 1);
        return user;
    }

    private void awaitItem(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from inbox_item where id = :id")
                .param("id", id).query(Long.class).single() == 1);
    }

    private long items(UUID user) {
        return jdbc.sql("select count(*) from inbox_item where practice_id = :p and user_id = :u")
                .param("p", practice).param("u", user).query(Long.class).single();
    }
}

package io.switchboard.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;

class RouterIntegrationTest extends NotifierIntegrationTestBase {

    @Test
    void emitsOneCommandPerTargetWithDeterministicIdsAndAReplayEmitsNothingNew() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID alice = user(practice, "alice-" + practice + "@example.test", null);
        UUID bob = user(practice, "bob-" + practice + "@example.test", null);
        UUID entry = UUID.randomUUID();
        try (KafkaProbe commands = KafkaProbe.on("notify.email.v1", "notify.slack.v1", "notification.delivery.v1")) {
            CloudEvent event = record(practice, entry, phoneMessage(author, alice),
                    List.of(ShareTarget.emailToUsers(List.of(alice, bob)), ShareTarget.emailToUsers(List.of(bob))));
            await().atMost(Duration.ofSeconds(20)).until(() -> emails(commands, practice).size() == 2);
            Set<UUID> expected = Set.of(
                    NotificationIds.derive(event.getId(), NotificationChannel.EMAIL, "email:alice-" + practice + "@example.test"),
                    NotificationIds.derive(event.getId(), NotificationChannel.EMAIL, "email:bob-" + practice + "@example.test"));
            assertThat(emails(commands, practice)).extracting(EmailNotificationRequested::notificationId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            EmailNotificationRequested first = emails(commands, practice).get(0);
            assertThat(first.content().linkUrl()).endsWith("/register/entries/" + entry);
            assertThat(first.content().fields()).extracting(f -> f.label())
                    .contains("Client", "Subject", "Caller", "Number", "Best time to call", "Logged by");
            // "Mark as actioned" is a Slack button: emails never carry it.
            assertThat(emails(commands, practice)).allSatisfy(c -> assertThat(c.content().actionsOrNone()).isEmpty());

            // The same event again (a redelivery), then a marker: the marker's command arrives, nothing else new.
            send("register.correspondence.v1", event);
            CloudEvent marker = record(practice, UUID.randomUUID(), phoneMessage(author, alice),
                    List.of(ShareTarget.emailToUsers(List.of(alice))));
            await().atMost(Duration.ofSeconds(20)).until(() -> emails(commands, practice).stream()
                    .anyMatch(c -> c.sourceEventId().equals(marker.getId())));
            assertThat(emails(commands, practice)).hasSize(3);
            assertThat(reports(commands.events(), practice).stream()
                    .filter(r -> r.sourceEventId().equals(event.getId()) && r.outcome() == DeliveryOutcome.QUEUED
                            && r.channel() == NotificationChannel.EMAIL)
                    .count()).isEqualTo(2);
        }
    }

    @Test
    void chatOnlyWithoutAChannelIsReportedNotSentNoChannelConfigured() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.CHAT_ONLY, null, true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1", "notify.email.v1", "notify.slack.v1")) {
            UUID entry = UUID.randomUUID();
            record(practice, entry, phoneMessage(author, author), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), practice).isEmpty());
            DeliveryReported report = reports(probe.events(), practice).get(0);
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.NOT_SENT);
            assertThat(report.reason()).isEqualTo(DeliveryReason.NO_CHANNEL_CONFIGURED);
            assertThat(report.source().id()).isEqualTo(entry);
            assertThat(emails(probe, practice)).isEmpty();
        }
    }

    private List<EmailNotificationRequested> emails(KafkaProbe probe, UUID practice) {
        return probe.events().stream()
                .filter(e -> e.getType().equals("switchboard.notify.email.requested.v1"))
                .map(e -> (EmailNotificationRequested) codec.decode(e))
                .filter(c -> c.practiceId().equals(practice))
                .collect(Collectors.toList());
    }
}

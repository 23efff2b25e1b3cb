package io.switchboard.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;

class EmailDeliveryIntegrationTest extends NotifierIntegrationTestBase {

    private final ProviderSandbox sandbox = ProviderSandbox.shared();

    @Test
    void practiceDefaultEmailsTheRecipientWithTextAndHtmlPartsAndReportsDelivered() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        String address = "recipient-" + practice + "@example.test";
        UUID recipient = user(practice, address, null);
        UUID entry = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, phoneMessage(author, recipient), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .anyMatch(r -> r.outcome() == DeliveryOutcome.DELIVERED && r.channel() == NotificationChannel.EMAIL));
            DeliveryReported delivered = reports(probe.events(), practice).stream()
                    .filter(r -> r.outcome() == DeliveryOutcome.DELIVERED && r.channel() == NotificationChannel.EMAIL)
                    .findFirst().orElseThrow();
            assertThat(delivered.providerMessageId()).isNotBlank();
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(delivered.source()).isEqualTo(SourceRef.correspondenceEntry(entry));
            ReceivedMail mail = sandbox.mails().stream().filter(m -> m.to().contains(address)).findFirst().orElseThrow();
            assertThat(mail.text()).contains("/register/entries/" + entry).contains("Jane Client");
            assertThat(mail.html()).contains("href=\"http").contains("/register/entries/" + entry);
            assertThat(mail.messageId()).isEqualTo(delivered.providerMessageId());
            assertThat(sandbox.mails().stream().filter(m -> m.to().contains(address)).count()).isEqualTo(1);
        }
    }

    @Test
    void anInvalidAddressFailsAtOnceWithInvalidAddress() {
        UUID practice = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.email.v1", new EmailNotificationRequested(id, practice, "evt-" + id,
                    SourceRef.correspondenceEntry(UUID.randomUUID()), List.of("bad@@address@"), "Subject", null,
                    new MessageContent("Title", null, List.of(), null, null), Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), practice).isEmpty());
            DeliveryReported report = reports(probe.events(), practice).get(0);
            assertThat(report.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(report.reason()).isEqualTo(DeliveryReason.INVALID_ADDRESS);
            assertThat(report.attempts()).isEqualTo(1);
        }
    }
}

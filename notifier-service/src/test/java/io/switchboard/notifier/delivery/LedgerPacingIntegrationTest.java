package io.switchboard.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.switchboard.contracts.EventMetadata;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.TestPacing;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;

/** The ledger's exactly-once effect and the drainer's per-target fairness, through the SMTP channel. */
class LedgerPacingIntegrationTest extends NotifierIntegrationTestBase {

    private final ProviderSandbox sandbox = ProviderSandbox.shared();

    @Autowired
    Ledger ledger;

    @Test
    void theSameCommandDeliveredTwiceSendsOneMail() {
        UUID practice = UUID.randomUUID();
        String address = "twice-" + practice + "@example.test";
        EmailNotificationRequested command = email(practice, address);
        send("notify.email.v1", command);
        send("notify.email.v1", command);
        // A second command to the same mailbox is sent after both copies were seen (same partition, same target).
        send("notify.email.v1", email(practice, address));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() == 2);
        assertThat(ledger.find(practice, command.notificationId())).get()
                .satisfies(row -> assertThat(row.status()).isEqualTo("DELIVERED"))
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(1));
        assertThat(mailsTo(address).stream().map(ReceivedMail::messageId).distinct()).hasSize(2);
    }

    @Test
    void threeHundredToOneMailboxDoNotHoldUpAnotherPractice() {
        UUID busyPractice = UUID.randomUUID();
        UUID quietPractice = UUID.randomUUID();
        String busy = "busy-" + busyPractice + "@example.test";
        String quiet = "quiet-" + quietPractice + "@example.test";
        Instant start = Instant.now();
        for (int i = 0; i < 300; i++) {
            kafka.send("notify.email.v1", codec.encode(email(busyPractice, busy), EventMetadata.now("/test", null, null)));
        }
        kafka.flush();
        Instant quietSent = Instant.now();
        send("notify.email.v1", email(quietPractice, quiet));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(quiet).size() == 1);
        long quietMillis = Duration.between(quietSent, Instant.now()).toMillis();
        int busyThen = mailsTo(busy).size();
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(busy).size() >= 300);
        System.out.printf("[measure] email: 300 to one mailbox at %d/s paced, all in %d ms; another practice's mail "
                        + "arrived %d ms after it was sent (busy mailbox had %d/300 then)%n", TestPacing.CHANNEL_RATE,
                Duration.between(start, Instant.now()).toMillis(), quietMillis, busyThen);
        assertThat(mailsTo(busy)).hasSize(300);
        assertThat(mailsTo(busy).stream().map(ReceivedMail::messageId).distinct()).hasSize(300);
    }

    private List<ReceivedMail> mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static EmailNotificationRequested email(UUID practice, String address) {
        UUID id = UUID.randomUUID();
        return new EmailNotificationRequested(id, practice, "evt-" + id, SourceRef.correspondenceEntry(UUID.randomUUID()),
                List.of(address), "Phone message", null,
                new MessageContent("Phone message: Acme", "Call back", List.of(),
                        "http://localhost:8080/register/entries/" + id, "Record Summary"), Instant.now());
    }
}

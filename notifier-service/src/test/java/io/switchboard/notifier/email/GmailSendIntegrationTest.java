package io.switchboard.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.IntegrationStub;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GmailMessage;
import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.google.GoogleScopes;
import io.switchboard.sandbox.google.GoogleSeed;

/** G4: a register "new email" goes through its author's Gmail (real client, the sandbox's Gmail), else by SMTP saying why. */
class GmailSendIntegrationTest extends NotifierIntegrationTestBase {

    private static final String CLIENT_ID = "notifier-test.apps.googleusercontent.com";

    private final ProviderSandbox sandbox = ProviderSandbox.shared();
    private final IntegrationStub stub = IntegrationStub.shared();

    @Test
    void sendsANewEmailThroughTheAuthorsGmailWithBothPartsAndReportsTheGmailId() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        String gmail = "sam-" + practice + "@example.test";
        UUID author = user(practice, gmail, "Sam Patel", Role.STAFF, null, null);
        connectGmail(practice, author, gmail, null);
        String client = "jane-" + practice + "@client.example";
        UUID entry = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, newEmail(author, "Your 2026 tax return – ready to sign"),
                    List.of(ShareTarget.emailToAddress(client)));
            DeliveryReported delivered = awaitEmailOutcome(probe, practice);

            assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            List<GmailMessage> sent = sandbox.google().sent(gmail);
            assertThat(sent).hasSize(1);
            GmailMessage message = sent.get(0);
            assertThat(delivered.providerMessageId()).isEqualTo(message.id());
            assertThat(delivered.reasonText()).contains("Gmail").contains("Sam Patel");
            assertThat(delivered.source()).isEqualTo(SourceRef.correspondenceEntry(entry));
            assertThat(message.from()).contains(gmail).contains("Sam Patel");
            assertThat(message.to()).anyMatch(to -> to.contains(client));
            assertThat(message.subject()).isEqualTo("Your 2026 tax return – ready to sign");
            assertThat(message.text()).contains("Hi Jane, your return is ready – please sign by Friday.");
            assertThat(message.html()).contains("<p>Hi Jane, your return is ready – please sign by Friday.</p>");
            assertThat(message.rawText()).contains("multipart/alternative").contains("charset=UTF-8");
            assertThat(sandbox.mails().stream().filter(m -> m.to().contains(client))).isEmpty();
        }
    }

    @Test
    void sendsBySmtpAndSaysWhyWhenTheAuthorHasNoGmail() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        stub.enableGmail(practice);
        UUID author = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        String client = "jane-" + practice + "@client.example";
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), newEmail(author, "Engagement letter"),
                    List.of(ShareTarget.emailToAddress(client)));
            DeliveryReported delivered = awaitEmailOutcome(probe, practice);

            assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(delivered.reasonText()).isEqualTo("sent by SMTP: Alex Lee has no Gmail connected");
            var mail = sandbox.mails().stream().filter(m -> m.to().contains(client)).toList();
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0).messageId()).isEqualTo(delivered.providerMessageId());
            assertThat(mail.get(0).text()).contains("Hi Jane, your return is ready");
            assertThat(stub.gmailTokenRequests(practice, author)).containsExactly("token");
        }
    }

    @Test
    void aLongNewEmailGoesOutWholeThroughGmailAndBySmtpNotCutToTheSummary() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        String gmail = "sam-" + practice + "@example.test";
        UUID sam = user(practice, gmail, "Sam Patel", Role.STAFF, null, null);
        connectGmail(practice, sam, gmail, null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        String text = longText(2000);
        String viaGmail = "jane-" + practice + "@client.example";
        String viaSmtp = "joe-" + practice + "@client.example";
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), newEmail(sam, "Your return", text),
                    List.of(ShareTarget.emailToAddress(viaGmail)));
            record(practice, UUID.randomUUID(), newEmail(alex, "Your return", text),
                    List.of(ShareTarget.emailToAddress(viaSmtp)));
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .filter(r -> r.channel() == NotificationChannel.EMAIL && r.outcome() == DeliveryOutcome.DELIVERED)
                    .count() == 2);
        }
        List<GmailMessage> sent = sandbox.google().sent(gmail);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).contains(text);
        var mail = sandbox.mails().stream().filter(m -> m.to().contains(viaSmtp)).toList();
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).text()).contains(text);
    }

    /** Words numbered so any cut shows, ending in a marker; no line breaks, {@code length} characters. */
    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < length - 12; i++) {
            text.append("word").append(i).append(' ');
        }
        text.setLength(length - 12);
        return text.append(" END-OF-MAIL").toString();
    }

    private static CorrespondenceDetails newEmail(UUID author, String subject, String text) {
        return new CorrespondenceDetails(UUID.randomUUID(), "Acme Pty Ltd", CorrespondenceType.EMAIL_OUT, author, null,
                subject, CorrespondenceDetails.excerpt(text), Instant.now(), null, null, null, text);
    }

    @Test
    void refreshesTheTokenOnceAfterGmailAnswers401AndSends() {
        UUID practice = UUID.randomUUID();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, false);
        String gmail = "kim-" + practice + "@example.test";
        UUID author = user(practice, gmail, "Kim Ng", Role.STAFF, null, null);
        GoogleAccount account = seed(gmail, "Kim Ng");
        String stale = issue(account);
        sandbox.google().expireAccessTokens(gmail);
        AtomicInteger issued = new AtomicInteger();
        connectGmail(practice, author, gmail, () -> issued.getAndIncrement() == 0 ? stale : issue(account));
        String client = "jane-" + practice + "@client.example";
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), newEmail(author, "Quarterly BAS"),
                    List.of(ShareTarget.emailToAddress(client)));
            DeliveryReported delivered = awaitEmailOutcome(probe, practice);

            assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(sandbox.google().sent(gmail)).hasSize(1);
            assertThat(delivered.providerMessageId()).isEqualTo(sandbox.google().sent(gmail).get(0).id());
            assertThat(stub.gmailTokenRequests(practice, author)).containsExactly("token", "token?refresh=true");
            assertThat(stub.gmailRejections(practice, author)).isEmpty();
        }
    }

    @Test
    void theSameCommandTwiceSendsOnce() {
        UUID practice = UUID.randomUUID();
        String gmail = "lee-" + practice + "@example.test";
        UUID author = user(practice, gmail, "Lee Wu", Role.STAFF, null, null);
        connectGmail(practice, author, gmail, null);
        UUID id = UUID.randomUUID();
        EmailNotificationRequested command = command(id, practice, author, "client-" + practice + "@client.example");
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent first = send("notify.email.v1", command);
            CloudEvent second = send("notify.email.v1", command);
            await().atMost(Duration.ofSeconds(20)).until(() -> processed(first) && processed(second)
                    && reports(probe.events(), practice).stream().anyMatch(r -> r.outcome() == DeliveryOutcome.DELIVERED));

            assertThat(sandbox.google().sent(gmail)).hasSize(1);
            assertThat(reports(probe.events(), practice).stream()
                    .filter(r -> r.outcome() == DeliveryOutcome.DELIVERED)).hasSize(1);
            assertThat(jdbc.sql("select count(*) from delivery where notification_id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void neverUsesAnotherPracticesUserOrToken() {
        UUID practiceA = UUID.randomUUID();
        UUID practiceB = UUID.randomUUID();
        String gmail = "pat-" + practiceA + "@example.test";
        UUID author = user(practiceA, gmail, "Pat Doe", Role.STAFF, null, null);
        connectGmail(practiceA, author, gmail, null);
        stub.enableGmail(practiceB);
        String client = "client-" + practiceB + "@client.example";
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            // A command of practice B naming practice A's user: asked for within B only, so there is no such Gmail.
            send("notify.email.v1", command(UUID.randomUUID(), practiceB, author, client));
            DeliveryReported delivered = awaitEmailOutcome(probe, practiceB);

            assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(delivered.reasonText()).startsWith("sent by SMTP: ").contains("has no Gmail connected")
                    .doesNotContain("Pat Doe");
            assertThat(sandbox.google().sent(gmail)).isEmpty();
            assertThat(stub.gmailTokenRequests(practiceA, author)).isEmpty();
            assertThat(stub.gmailTokenRequests(practiceB, author)).containsExactly("token");
            assertThat(sandbox.mails().stream().filter(m -> m.to().contains(client))).hasSize(1);
        }
    }

    private boolean processed(CloudEvent event) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'notifier-email' and event_id = :id")
                .param("id", event.getId()).query(Long.class).single() == 1;
    }

    private DeliveryReported awaitEmailOutcome(KafkaProbe probe, UUID practice) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                .anyMatch(r -> r.channel() == NotificationChannel.EMAIL && r.outcome() != DeliveryOutcome.QUEUED));
        return reports(probe.events(), practice).stream()
                .filter(r -> r.channel() == NotificationChannel.EMAIL && r.outcome() != DeliveryOutcome.QUEUED)
                .findFirst().orElseThrow();
    }

    private GoogleAccount seed(String email, String name) {
        sandbox.google().seed(GoogleSeed.of(List.of(GoogleSeed.Account.of(email, name)), List.of()));
        return sandbox.google().account(email).orElseThrow();
    }

    private String issue(GoogleAccount account) {
        return sandbox.google().issueTokens(new GoogleGrant(account.sub(), CLIENT_ID,
                Set.of(GoogleScopes.GMAIL_SEND, GoogleScopes.GMAIL_READONLY)), true, false).accessToken();
    }

    /** Connects the user's Google account at the integration stand-in; tokens from the sandbox's Google. */
    private void connectGmail(UUID practice, UUID user, String gmail, Supplier<String> tokens) {
        GoogleAccount account = sandbox.google().account(gmail).orElseGet(() -> seed(gmail, null));
        stub.connectGmailUser(practice, user, gmail, account.sub(),
                List.of(GoogleScopes.GMAIL_SEND, GoogleScopes.GMAIL_READONLY),
                tokens == null ? () -> issue(account) : tokens);
    }

    private static CorrespondenceDetails newEmail(UUID author, String subject) {
        return new CorrespondenceDetails(UUID.randomUUID(), "Acme Pty Ltd", CorrespondenceType.EMAIL_OUT, author, null,
                subject, "Hi Jane, your return is ready – please sign by Friday.", Instant.now(), null, null, null);
    }

    private static EmailNotificationRequested command(UUID id, UUID practice, UUID sendAs, String to) {
        return new EmailNotificationRequested(id, practice, "evt-" + id, SourceRef.correspondenceEntry(UUID.randomUUID()),
                List.of(to), "Your documents", sendAs,
                new MessageContent("Your documents", "Hi, here they are.", List.of(), null, null), Instant.now());
    }
}

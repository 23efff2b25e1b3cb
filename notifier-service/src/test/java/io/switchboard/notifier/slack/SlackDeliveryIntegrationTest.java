package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.IntegrationStub;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.SlackWorkspaceFixture;
import io.switchboard.notifier.support.TestPacing;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.slack.SlackMessage;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.Channel;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.User;

@ExtendWith(OutputCaptureExtension.class)
class SlackDeliveryIntegrationTest extends NotifierIntegrationTestBase {

    private static final String PER_CHANNEL = "post-message-per-channel";
    private final ProviderSandbox sandbox = ProviderSandbox.shared();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @BeforeEach
    void chatEmulated() {
        SlackWorkspaceFixture.assumeChatEmulated();
    }

    @Test
    void emailAndChatPostsBlockKitWithTheRecordSummaryButtonAndEmailsTheRecipient(CapturedOutput output) {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1FRONT", "front-desk")), List.of());
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.EMAIL_AND_CHAT, ChannelRef.slack("C1FRONT", "front-desk"), true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        String address = "recipient-" + practice + "@example.test";
        UUID recipient = user(practice, address, null);
        UUID entry = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, phoneMessage(author, recipient), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice).size() == 2);
            List<DeliveryReported> delivered = delivered(probe, practice);
            assertThat(delivered).allSatisfy(r -> assertThat(r.providerMessageId()).isNotBlank());
            SlackMessage message = sandbox.slack().messages(ws.teamId()).get(0);
            assertThat(delivered).anySatisfy(r -> assertThat(r.providerMessageId()).isEqualTo(message.ts()));
            assertThat(message.channel()).isEqualTo("C1FRONT");
            assertThat(message.blocks().toString()).contains("Record Summary")
                    .contains("/register/entries/" + entry).contains("Jane Client");
            assertThat(sandbox.mails().stream().filter(m -> m.to().contains(address)).findFirst().orElseThrow().html())
                    .contains("/register/entries/" + entry);
        }
        assertThat(output.getAll()).doesNotContain(ws.token());
    }

    @Test
    void aDirectMessageOpensTheConversationFirst() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(),
                List.of(new User("U1ALICE", "alice@example.test", "alice")));
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID alice = user(practice, "alice-" + practice + "@example.test", "U1ALICE");
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), phoneMessage(author, alice),
                    List.of(ShareTarget.directMessage(ChatProvider.SLACK, alice)));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice).size() == 1);
        }
        assertThat(sandbox.requests("slack").stream()
                .filter(r -> r.path().endsWith("conversations.open")).count()).isGreaterThanOrEqualTo(1);
        assertThat(sandbox.slack().messages(ws.teamId())).hasSize(1);
    }

    @Test
    void notInChannelFailsAtOnceWithoutRetries() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withoutBot("C1NOBOT", "private-ish")), List.of());
        UUID id = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.slack.v1", command(ws.practice(), id, "C1NOBOT", "private-ish"));
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), ws.practice()).stream()
                    .anyMatch(r -> r.outcome() == DeliveryOutcome.FAILED));
            DeliveryReported failed = reports(probe.events(), ws.practice()).get(0);
            assertThat(failed.reason()).isEqualTo(DeliveryReason.NOT_IN_CHANNEL);
            assertThat(failed.attempts()).isEqualTo(1);
        }
        assertThat(postsTo("C1NOBOT")).isEqualTo(1);
    }

    @Test
    void aBrokenConnectionFailsNeedingReauthWhileADisconnectedOneSaysDisconnected() {
        SlackWorkspaceFixture broken = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1BROKEN", "broken")), List.of());
        SlackWorkspaceFixture gone = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1GONE", "gone")), List.of());
        IntegrationStub.shared().breakSlack(broken.practice());
        IntegrationStub.shared().disconnect(gone.practice());
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.slack.v1", command(broken.practice(), UUID.randomUUID(), "C1BROKEN", "broken"));
            send("notify.slack.v1", command(gone.practice(), UUID.randomUUID(), "C1GONE", "gone"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports(probe.events(), broken.practice()).isEmpty()
                    && !reports(probe.events(), gone.practice()).isEmpty());
            DeliveryReported reauth = reports(probe.events(), broken.practice()).get(0);
            assertThat(reauth.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(reauth.reason()).isEqualTo(DeliveryReason.CONNECTION_NEEDS_REAUTH);
            assertThat(reauth.reasonText()).isEqualTo("the Slack connection needs re-authorising");
            assertThat(reports(probe.events(), gone.practice()).get(0).reason())
                    .isEqualTo(DeliveryReason.PROVIDER_DISCONNECTED);
        }
        assertThat(postsTo("C1BROKEN")).isZero();
    }

    @Test
    void theSameCommandTwicePostsOneMessage() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1TWICE", "twice")), List.of());
        SlackNotificationRequested command = command(ws.practice(), UUID.randomUUID(), "C1TWICE", "twice");
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.slack.v1", command);
            send("notify.slack.v1", command);
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, ws.practice()).size() == 1);
            // A later command to the same channel is delivered after both copies: nothing is still queued.
            send("notify.slack.v1", command(ws.practice(), UUID.randomUUID(), "C1TWICE", "twice"));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, ws.practice()).size() == 2);
        }
        assertThat(sandbox.slack().messages(ws.teamId())).hasSize(2);
    }

    @Test
    void threeHundredToOneChannelArriveOnceWhileAnotherPracticesMessageIsNotHeldUp() {
        RateLimit original = sandbox.limits().limit("slack", PER_CHANNEL);
        sandbox.limits().override("slack", PER_CHANNEL, RateLimit.perSecond(TestPacing.CHANNEL_RATE, TestPacing.CHANNEL_BURST));
        try {
            SlackWorkspaceFixture busy = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1BUSY", "busy")), List.of());
            SlackWorkspaceFixture quiet = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1QUIET", "quiet")), List.of());
            Instant start = Instant.now();
            for (int i = 0; i < 300; i++) {
                kafka.send("notify.slack.v1", codec.encode(command(busy.practice(), UUID.randomUUID(), "C1BUSY", "busy"),
                        io.switchboard.contracts.EventMetadata.now("/test", null, null)));
            }
            kafka.flush();
            Instant quietSent = Instant.now();
            send("notify.slack.v1", command(quiet.practice(), UUID.randomUUID(), "C1QUIET", "quiet"));
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(quiet.teamId()).size() == 1);
            Duration quietLatency = Duration.between(quietSent, Instant.now());
            int busyAtThatPoint = sandbox.slack().messages(busy.teamId()).size();
            await().atMost(Duration.ofSeconds(90)).until(() -> sandbox.slack().messages(busy.teamId()).size() >= 300);
            Duration busyTotal = Duration.between(start, Instant.now());
            System.out.printf("[measure] 300 to one channel at %d/s (burst %d): all delivered in %d ms; "
                            + "other practice's single message arrived %d ms after it was sent (busy channel had %d/300)%n",
                    TestPacing.CHANNEL_RATE, TestPacing.CHANNEL_BURST, busyTotal.toMillis(), quietLatency.toMillis(),
                    busyAtThatPoint);
            List<SlackMessage> messages = sandbox.slack().messages(busy.teamId());
            assertThat(messages).hasSize(300);
            assertThat(messages.stream().map(SlackMessage::ts).distinct().count()).isEqualTo(300);
        } finally {
            sandbox.limits().override("slack", PER_CHANNEL, original);
        }
    }

    @Test
    void aRateLimitOnOneChannelDoesNotDelayAnother() {
        RateLimit original = sandbox.limits().limit("slack", PER_CHANNEL);
        // The sandbox now allows 1/s with no burst while the notifier paces at a (test) 50/s: channel A hits 429s.
        sandbox.limits().override("slack", PER_CHANNEL, RateLimit.perSecond(1, 1));
        try {
            SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1HOT", "hot"),
                    Channel.withBot("C1COOL", "cool")), List.of());
            for (int i = 0; i < 5; i++) {
                send("notify.slack.v1", command(ws.practice(), UUID.randomUUID(), "C1HOT", "hot"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requests("slack").stream()
                    .anyMatch(r -> r.status() == 429 && String.valueOf(r.form()).contains("C1HOT")));
            Instant sent = Instant.now();
            send("notify.slack.v1", command(ws.practice(), UUID.randomUUID(), "C1COOL", "cool"));
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).stream()
                    .anyMatch(m -> m.channel().equals("C1COOL")));
            System.out.printf("[measure] channel B delivered %d ms after send while channel A was rate-limited%n",
                    Duration.between(sent, Instant.now()).toMillis());
            await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.slack().messages(ws.teamId()).stream()
                    .filter(m -> m.channel().equals("C1HOT")).count() == 5);
        } finally {
            sandbox.limits().override("slack", PER_CHANNEL, original);
        }
    }

    private long postsTo(String channel) {
        return sandbox.requests("slack").stream()
                .filter(r -> r.path().endsWith("chat.postMessage") && String.valueOf(r.form()).contains(channel))
                .count();
    }

    private List<DeliveryReported> delivered(KafkaProbe probe, UUID practice) {
        List<DeliveryReported> out = new ArrayList<>();
        for (DeliveryReported r : reports(probe.events(), practice)) {
            // The recipient's in-app item is delivered too; these tests are about the providers.
            if (r.outcome() == DeliveryOutcome.DELIVERED && r.channel() != NotificationChannel.IN_APP) {
                out.add(r);
            }
        }
        return out;
    }

    private static SlackNotificationRequested command(UUID practice, UUID id, String channelId, String channelName) {
        return new SlackNotificationRequested(id, practice, "evt-" + id, SourceRef.correspondenceEntry(UUID.randomUUID()),
                channelId, channelName, null, new MessageContent("Phone message: Acme", "Call back",
                List.of(), "http://localhost:8080/register/entries/" + id, "Record Summary"), Instant.now());
    }
}

package io.switchboard.notifier.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.notification.TeamsMention;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.IntegrationStub;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.TeamsTenantFixture;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.microsoft.TeamsMessage;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.recording.RecordedRequest;

@ExtendWith(OutputCaptureExtension.class)
class TeamsDeliveryIntegrationTest extends NotifierIntegrationTestBase {

    private static final String PER_CHANNEL = "channel-message-per-channel";
    private final ProviderSandbox sandbox = ProviderSandbox.shared();
    private final IntegrationStub integration = IntegrationStub.shared();

    @Test
    void aTeamsMentionOfTheRecipientIsPostedInTheDefaultChannelWithARealMentionAndTheRecordSummaryLink(CapturedOutput output) {
        TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author", "Sam Patel");
        UUID practice = tenant.practice();
        teamsSettings(practice, DeliveryMode.EMAIL_ONLY, tenant.channel());
        UUID author = user(practice, "alex-" + practice + "@example.test", "Alex Author", Role.STAFF, null,
                tenant.microsoftId("Alex Author"));
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null,
                tenant.microsoftId("Sam Patel"));
        tenant.connect(author, "Alex Author");
        connection(practice, Provider.MICROSOFT_TEAMS, author, ConnectionStatus.CONNECTED);
        UUID entry = UUID.randomUUID();
        CorrespondenceDetails details = new CorrespondenceDetails(UUID.randomUUID(), "Acme <Pty> & Co",
                CorrespondenceType.PHONE_MESSAGE, author, sam, "Call back <b>today</b>",
                "Wants to discuss the \"BAS\" <script>alert(1)</script>", Instant.parse("2026-11-23T10:02:00Z"),
                "Jane Client", "+61 400 000 000", "after 2pm");
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, details, List.of(ShareTarget.directMessage(ChatProvider.TEAMS, sam)));
            await().atMost(Duration.ofSeconds(20)).until(() -> teams(probe, practice, DeliveryOutcome.DELIVERED).size() == 1);
            DeliveryReported delivered = teams(probe, practice, DeliveryOutcome.DELIVERED).get(0);

            List<TeamsMessage> messages = sandbox.microsoft().messages(tenant.teamId(), tenant.channelId());
            assertThat(messages).hasSize(1);
            TeamsMessage message = messages.get(0);
            assertThat(delivered.providerMessageId()).isEqualTo(message.id());
            assertThat(delivered.target()).isEqualTo("#front-desk");
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(message.senderUserId()).isEqualTo(tenant.microsoftId("Alex Author"));
            assertThat(message.contentType()).isEqualTo("html");
            assertThat(message.mentions()).containsExactly(
                    new TeamsMessage.Mention(0, "Sam Patel", tenant.microsoftId("Sam Patel")));
            assertThat(message.content())
                    .contains("<at id=\"0\">Sam Patel</at>")
                    .contains("<a href=\"http://localhost:8080/register/entries/" + entry + "\">Record Summary</a>")
                    .contains("Jane Client").contains("Acme &lt;Pty&gt; &amp; Co")
                    .contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("<b>today</b>");
            assertThat(message.subject()).isEqualTo("Phone message: Acme <Pty> & Co");
        }
        assertThat(integration.teamsTokenRequests(practice, author)).containsExactly("token");
        assertThat(output.getAll()).doesNotContain("graph-at-");
    }

    @Test
    void aGraph401RefreshesTheTokenOnceAndTheRetryIsDelivered() {
        TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author");
        UUID author = UUID.randomUUID();
        AtomicInteger issued = new AtomicInteger();
        integration.connectTeamsUser(tenant.practice(), author, tenant.tenantId(), tenant.microsoftId("Alex Author"), () -> {
            String token = tenant.issueToken("Alex Author");
            if (issued.getAndIncrement() == 0) {
                // integration-service still holds a token Graph considers expired
                sandbox.microsoft().expireAccessTokens(tenant.tenantId(), tenant.microsoftId("Alex Author"));
            }
            return token;
        });
        TeamsNotificationRequested command = command(tenant, author, List.of());
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.teams.v1", command);
            await().atMost(Duration.ofSeconds(20)).until(() -> !teams(probe, tenant.practice(), DeliveryOutcome.DELIVERED).isEmpty());
            assertThat(teams(probe, tenant.practice(), DeliveryOutcome.DELIVERED).get(0).attempts()).isEqualTo(1);
        }
        assertThat(integration.teamsTokenRequests(tenant.practice(), author)).containsExactly("token", "token?refresh=true");
        assertThat(integration.teamsRejections(tenant.practice(), author)).isEmpty();
        assertThat(posts(tenant)).extracting(RecordedRequest::status).containsExactly(401, 201);
        assertThat(sandbox.microsoft().messages(tenant.teamId(), tenant.channelId())).hasSize(1);
    }

    @Test
    void aTokenStillRefusedAfterARefreshIsReportedRejectedAndFailsNeedingReauth() {
        TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author");
        UUID author = UUID.randomUUID();
        integration.connectTeamsUser(tenant.practice(), author, tenant.tenantId(), tenant.microsoftId("Alex Author"),
                () -> "graph-at-revoked-" + UUID.randomUUID());
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.teams.v1", command(tenant, author, List.of()));
            await().atMost(Duration.ofSeconds(20)).until(() -> !teams(probe, tenant.practice(), DeliveryOutcome.FAILED).isEmpty());
            DeliveryReported failed = teams(probe, tenant.practice(), DeliveryOutcome.FAILED).get(0);
            assertThat(failed.reason()).isEqualTo(DeliveryReason.CONNECTION_NEEDS_REAUTH);
            assertThat(failed.attempts()).isEqualTo(1);
        }
        assertThat(integration.teamsTokenRequests(tenant.practice(), author)).containsExactly("token", "token?refresh=true");
        assertThat(integration.teamsRejections(tenant.practice(), author)).hasSize(1)
                .allSatisfy(body -> assertThat(body).contains("\"reason\"").contains("401"));
        assertThat(posts(tenant)).extracting(RecordedRequest::status).containsExactly(401, 401);
    }

    @Test
    void permanentAnswersFailAtOnceWithTheirReasons() {
        TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author");
        UUID author = UUID.randomUUID();
        tenant.connect(author, "Alex Author");
        UUID stranger = UUID.randomUUID();
        TeamsNotificationRequested base = command(tenant, author, List.of());
        TeamsNotificationRequested missingChannel = new TeamsNotificationRequested(UUID.randomUUID(), tenant.practice(),
                "evt-missing", base.source(), tenant.teamId(), "19:missing@thread.tacv2", "gone", List.of(), author,
                base.content(), Instant.now());
        // Graph refuses a mention of someone outside the tenant: the message itself is rejected (400).
        TeamsNotificationRequested badMention = command(tenant, author,
                List.of(new TeamsMention(UUID.randomUUID().toString(), "Nobody Here")));
        TeamsNotificationRequested notConnected = command(tenant, stranger, List.of());
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.teams.v1", missingChannel);
            send("notify.teams.v1", badMention);
            send("notify.teams.v1", notConnected);
            await().atMost(Duration.ofSeconds(20)).until(() -> teams(probe, tenant.practice(), DeliveryOutcome.FAILED).size() == 3);
            assertThat(teams(probe, tenant.practice(), DeliveryOutcome.FAILED))
                    .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1))
                    .extracting(DeliveryReported::notificationId, DeliveryReported::reason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(missingChannel.notificationId(), DeliveryReason.CHANNEL_NOT_FOUND),
                            org.assertj.core.groups.Tuple.tuple(badMention.notificationId(), DeliveryReason.MESSAGE_REJECTED),
                            org.assertj.core.groups.Tuple.tuple(notConnected.notificationId(), DeliveryReason.USER_NOT_CONNECTED));
        }
        assertThat(sandbox.microsoft().messages(tenant.teamId(), tenant.channelId())).isEmpty();
    }

    @Test
    void aSharerWhoHasNotConnectedTeamsIsReportedNotSentAndNudgedInTheirInbox() {
        TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author", "Sam Patel");
        UUID practice = tenant.practice();
        teamsSettings(practice, DeliveryMode.CHAT_ONLY, tenant.channel());
        UUID author = user(practice, "alex-" + practice + "@example.test", "Alex Author", Role.STAFF, null,
                tenant.microsoftId("Alex Author"));
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null,
                tenant.microsoftId("Sam Patel"));
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), phoneMessage(author, sam), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> !teams(probe, practice, DeliveryOutcome.NOT_SENT).isEmpty());
            DeliveryReported notSent = teams(probe, practice, DeliveryOutcome.NOT_SENT).get(0);
            assertThat(notSent.reason()).isEqualTo(DeliveryReason.USER_NOT_CONNECTED);
            assertThat(notSent.reasonText()).isEqualTo("Alex Author has not connected Teams");
            assertThat(notSent.target()).isEqualTo("#front-desk");
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .anyMatch(r -> r.channel() == NotificationChannel.IN_APP && r.outcome() == DeliveryOutcome.DELIVERED
                            && r.target().equals("inbox:" + author)));
        }
        String title = jdbc.sql("select title from inbox_item where practice_id = :p and user_id = :u")
                .param("p", practice).param("u", author).query(String.class).single();
        assertThat(title).isEqualTo("Connect your Microsoft account to share to Teams");
        assertThat(sandbox.microsoft().messages(tenant.teamId(), tenant.channelId())).isEmpty();
        assertThat(integration.teamsTokenRequests(practice, author)).isEmpty();
    }

    @Test
    void teamsNotConnectedForThePracticeIsReportedProviderDisconnected() {
        UUID practice = UUID.randomUUID();
        send("integration.settings.v1", new io.switchboard.contracts.integration.NotificationSettingsSnapshot(practice, 1,
                List.of(), List.of(new io.switchboard.contracts.integration.ToolTriggerSetting(
                        io.switchboard.contracts.integration.Tool.REGISTER,
                        io.switchboard.contracts.integration.Trigger.CORRESPONDENCE_SHARED, DeliveryMode.CHAT_ONLY,
                        ChatProvider.TEAMS, io.switchboard.contracts.common.ChannelRef.teams("team-1",
                                "19:abc@thread.tacv2", "front-desk"))), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from practice_settings where practice_id = :p").param("p", practice)
                .query(Long.class).single() == 1);
        UUID author = user(practice, "alex-" + practice + "@example.test", null);
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, UUID.randomUUID(), phoneMessage(author, author), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> !teams(probe, practice, DeliveryOutcome.NOT_SENT).isEmpty());
            assertThat(teams(probe, practice, DeliveryOutcome.NOT_SENT).get(0).reason())
                    .isEqualTo(DeliveryReason.PROVIDER_DISCONNECTED);
        }
    }

    @Test
    void underThrottlingA429WaitsRetryAfterAndEverythingIsDeliveredWithoutHammering() {
        RateLimit original = sandbox.limits().limit("graph", PER_CHANNEL);
        // Graph now allows 1/s with no burst while the notifier paces at a (test) 50/s: the channel answers 429s.
        sandbox.limits().override("graph", PER_CHANNEL, RateLimit.perSecond(1, 1));
        try {
            TeamsTenantFixture tenant = TeamsTenantFixture.create("Alex Author");
            UUID author = UUID.randomUUID();
            tenant.connect(author, "Alex Author");
            try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
                for (int i = 0; i < 4; i++) {
                    send("notify.teams.v1", command(tenant, author, List.of()));
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        teams(probe, tenant.practice(), DeliveryOutcome.DELIVERED).size() == 4);
                assertThat(teams(probe, tenant.practice(), DeliveryOutcome.FAILED)).isEmpty();
            }
            List<RecordedRequest> posts = posts(tenant);
            long throttled = posts.stream().filter(r -> r.status() == 429).count();
            System.out.printf("[measure] 4 Teams messages to one channel limited to 1/s: %d requests, %d answered 429%n",
                    posts.size(), throttled);
            assertThat(throttled).isBetween(1L, 4L);
            for (int i = 0; i < posts.size() - 1; i++) {
                if (posts.get(i).status() == 429) {
                    // Retry-After is whole seconds (at least 1): the channel stays quiet until it has passed.
                    assertThat(Duration.between(posts.get(i).receivedAt(), posts.get(i + 1).receivedAt()))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(950));
                }
            }
            assertThat(sandbox.microsoft().messages(tenant.teamId(), tenant.channelId())).hasSize(4);
        } finally {
            sandbox.limits().override("graph", PER_CHANNEL, original);
        }
    }

    private List<RecordedRequest> posts(TeamsTenantFixture tenant) {
        return sandbox.requests("graph").stream()
                .filter(r -> r.method().equals("POST") && r.path().contains(tenant.teamId()) && r.path().endsWith("/messages"))
                .toList();
    }

    private List<DeliveryReported> teams(KafkaProbe probe, UUID practice, DeliveryOutcome outcome) {
        return reports(probe.events(), practice).stream()
                .filter(r -> r.channel() == NotificationChannel.TEAMS && r.outcome() == outcome)
                .toList();
    }

    private static TeamsNotificationRequested command(TeamsTenantFixture tenant, UUID sender, List<TeamsMention> mentions) {
        UUID id = UUID.randomUUID();
        return new TeamsNotificationRequested(id, tenant.practice(), "evt-" + id, SourceRef.correspondenceEntry(UUID.randomUUID()),
                tenant.teamId(), tenant.channelId(), "front-desk", mentions, sender,
                new MessageContent("Phone message: Acme", "Call back", List.of(new MessageField("Caller", "Jane")),
                        "http://localhost:8080/register/entries/" + id, "Record Summary"), Instant.now());
    }
}

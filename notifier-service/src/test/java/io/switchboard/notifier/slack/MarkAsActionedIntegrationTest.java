package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.contracts.register.CorrespondenceDetails;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.contracts.register.ShareTarget;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.SlackWorkspaceFixture;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.SlackMessage;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.Channel;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.User;

/** Issue 5: a phone message's Slack posts carry "Mark as actioned"; once the entry is actioned they are edited. */
class MarkAsActionedIntegrationTest extends NotifierIntegrationTestBase {

    private final ProviderSandbox sandbox = ProviderSandbox.shared();

    @BeforeEach
    void chatEmulated() {
        SlackWorkspaceFixture.assumeChatEmulated();
    }

    @Test
    void aPhoneMessagesPostHasTheButtonAndActioningItEditsThePostOnceEvenWhenTheEventIsRedelivered() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1FRONT", "front-desk")), List.of());
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.CHAT_ONLY, ChannelRef.slack("C1FRONT", "front-desk"), true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Lee", Role.STAFF, null, null);
        UUID entry = UUID.randomUUID();
        CorrespondenceDetails details = phoneMessage(author, sam);
        try (KafkaProbe reports = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, details, List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).size() == 1);
            SlackMessage posted = sandbox.slack().messages(ws.teamId()).get(0);
            assertThat(posted.blocks().toString())
                    .contains("\"action_id\":\"" + MessageAction.MARK_ACTIONED + "\"")
                    .contains("\"value\":\"" + entry + "\"")
                    .contains("Mark as actioned")
                    .contains("Record Summary");

            CloudEvent actioned = send("register.correspondence.v1", new CorrespondenceActioned(entry, practice, sam,
                    Instant.parse("2026-11-23T10:15:00Z"), ActionedVia.SLACK));
            await().atMost(Duration.ofSeconds(20)).until(() -> message(ws, posted.ts()).edits().size() == 1);
            SlackMessage edited = message(ws, posted.ts());
            assertThat(edited.blocks().toString())
                    .contains("Actioned by Sam Lee · 23 Nov 2026 10:15 UTC (via Slack)")
                    .contains("Jane Client")
                    .contains("Record Summary")
                    .doesNotContain(MessageAction.MARK_ACTIONED)
                    .doesNotContain("Mark as actioned");

            // The same event again, then a later share of the entry to the same channel (same keys, so processed
            // after it): the share's post arrives, the first post is not edited again.
            send("register.correspondence.v1", actioned);
            send("register.correspondence.v1", new CorrespondenceShared(entry, practice, author, Instant.now(),
                    List.of(ShareTarget.channel(ChatProvider.SLACK, ChannelRef.slack("C1FRONT", "front-desk"))), details));
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).size() == 2);
            assertThat(message(ws, posted.ts()).edits()).hasSize(1);
            assertThat(jdbc.sql("select count(*) from delivery where practice_id = :p and updates_notification_id is not null")
                    .param("p", practice).query(Long.class).single()).isEqualTo(1);
            // An edit is not a delivery of its own: the register only ever hears about the posts.
            assertThat(reports(reports.events(), practice)).allSatisfy(r -> assertThat(r.sourceEventId())
                    .isNotEqualTo(actioned.getId()));
        }
    }

    @Test
    void aDirectMessageIsEditedInTheConversationTheWorkerOpened() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(),
                List.of(new User("U1ALICE", "alice@example.test", "alice")));
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.EMAIL_ONLY, null, true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID alice = user(practice, "alice-" + practice + "@example.test", "Alice Ng", Role.STAFF, "U1ALICE", null);
        UUID entry = UUID.randomUUID();
        record(practice, entry, phoneMessage(author, alice), List.of(ShareTarget.directMessage(ChatProvider.SLACK, alice)));
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).size() == 1);
        SlackMessage posted = sandbox.slack().messages(ws.teamId()).get(0);
        assertThat(posted.channel()).startsWith("D");
        assertThat(posted.blocks().toString()).contains(MessageAction.MARK_ACTIONED);
        // The ledger records the conversation chat.postMessage answered (once the worker has recorded the outcome).
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(jdbc.sql(
                "select status from delivery where practice_id = :p and channel = 'SLACK'").param("p", practice)
                .query(String.class).single()));
        assertThat(jdbc.sql("select provider_channel_id from delivery where practice_id = :p and channel = 'SLACK'")
                .param("p", practice).query(String.class).single()).isEqualTo(posted.channel());
        // The migration's backfill of source_id reads the stored command the same way.
        assertThat(jdbc.sql("select count(*) from delivery where practice_id = :p and channel = 'SLACK' and source_id = :entry"
                        + " and source_id = (convert_from(command, 'UTF8')::jsonb -> 'source' ->> 'id')::uuid")
                .param("p", practice).param("entry", entry).query(Long.class).single()).isEqualTo(1);

        send("register.correspondence.v1", new CorrespondenceActioned(entry, practice, alice,
                Instant.parse("2026-11-23T11:00:00Z"), ActionedVia.APP));
        await().atMost(Duration.ofSeconds(20)).until(() -> message(ws, posted.ts()).edits().size() == 1);
        assertThat(message(ws, posted.ts()).blocks().toString())
                .contains("Actioned by Alice Ng · 23 Nov 2026 11:00 UTC (in the app)")
                .doesNotContain(MessageAction.MARK_ACTIONED);
        assertThat(sandbox.slack().messages(ws.teamId())).hasSize(1);
    }

    @Test
    void anEditSlackRefusesForARevokedTokenIsReportedSoTheConnectionIsMarkedBroken() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1DESK", "desk")), List.of());
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.CHAT_ONLY, ChannelRef.slack("C1DESK", "desk"), true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        UUID entry = UUID.randomUUID();
        try (KafkaProbe reports = KafkaProbe.on("notification.delivery.v1")) {
            record(practice, entry, phoneMessage(author, author), List.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(reports.events(), practice).stream()
                    .anyMatch(r -> r.outcome() == DeliveryOutcome.DELIVERED));
            UUID original = reports(reports.events(), practice).get(0).notificationId();
            sandbox.slack().revokeTokenOutOfBand(ws.token());

            CloudEvent actioned = send("register.correspondence.v1", new CorrespondenceActioned(entry, practice, author,
                    Instant.now(), ActionedVia.APP));
            UUID edit = NotificationIds.derive(actioned.getId(), NotificationChannel.SLACK, "updates:" + original);
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(reports.events(), practice).stream()
                    .anyMatch(r -> r.notificationId().equals(edit)));
            DeliveryReported failed = reports(reports.events(), practice).stream()
                    .filter(r -> r.notificationId().equals(edit)).findFirst().orElseThrow();
            assertThat(failed.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(failed.reason()).isEqualTo(DeliveryReason.CONNECTION_NEEDS_REAUTH);
            assertThat(failed.reasonText()).isEqualTo("token_revoked");
        }
        assertThat(sandbox.slack().messages(ws.teamId()).get(0).edits()).isEmpty();
    }

    @Test
    void aMeetingNoteHasNoButton() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1NOTES", "notes")), List.of());
        UUID practice = ws.practice();
        settings(practice, DeliveryMode.CHAT_ONLY, ChannelRef.slack("C1NOTES", "notes"), true);
        UUID author = user(practice, "author-" + practice + "@example.test", null);
        CorrespondenceDetails note = new CorrespondenceDetails(UUID.randomUUID(), "Acme Pty Ltd",
                CorrespondenceType.MEETING_NOTE, author, null, "Year-end planning", "Discussed the year-end.",
                Instant.parse("2026-11-23T09:00:00Z"), null, null, null);
        record(practice, UUID.randomUUID(), note, List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).size() == 1);
        assertThat(sandbox.slack().messages(ws.teamId()).get(0).blocks().toString())
                .contains("Record Summary")
                .doesNotContain(MessageAction.MARK_ACTIONED);
    }

    @Test
    void anEditOfAPostThatNeverWentOutIsNotSentAndReportsNothing() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withoutBot("C1NOBOT", "private-ish")), List.of());
        UUID practice = ws.practice();
        UUID entry = UUID.randomUUID();
        UUID originalId = UUID.randomUUID();
        MessageContent content = new MessageContent("Phone message: Acme", "Call back", List.of(),
                "http://localhost:8080/register/entries/" + entry, "Record Summary");
        try (KafkaProbe reports = KafkaProbe.on("notification.delivery.v1")) {
            send("notify.slack.v1", new SlackNotificationRequested(originalId, practice, "evt-" + originalId,
                    SourceRef.correspondenceEntry(entry), "C1NOBOT", "private-ish", null,
                    content.withActions(List.of(MessageAction.markActioned(entry))), Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(reports.events(), practice).stream()
                    .anyMatch(r -> r.outcome() == DeliveryOutcome.FAILED));

            UUID editId = UUID.randomUUID();
            send("notify.slack.v1", new SlackNotificationRequested(editId, practice, "evt-" + editId,
                    SourceRef.correspondenceEntry(entry), "C1NOBOT", "private-ish", null, content, Instant.now(),
                    originalId));
            await().atMost(Duration.ofSeconds(20)).until(() -> "NOT_SENT".equals(status(practice, editId)));
            assertThat(jdbc.sql("select reason_text from delivery where notification_id = :id").param("id", editId)
                    .query(String.class).single()).contains("never delivered");
            assertThat(reports(reports.events(), practice)).noneMatch(r -> r.notificationId().equals(editId));
        }
        assertThat(sandbox.requests("slack").stream().filter(r -> r.path().endsWith("chat.update")
                && String.valueOf(r.form()).contains("C1NOBOT")).count()).isZero();
    }

    private String status(UUID practice, UUID id) {
        return jdbc.sql("select status from delivery where practice_id = :p and notification_id = :id")
                .param("p", practice).param("id", id).query(String.class).optional().orElse(null);
    }

    private SlackMessage message(SlackWorkspaceFixture ws, String ts) {
        return sandbox.slack().messages(ws.teamId()).stream().filter(m -> m.ts().equals(ts)).findFirst().orElseThrow();
    }
}

package io.switchboard.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.directory.Role;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.ToolTriggerSetting;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.contracts.notification.DeliveryOutcome;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationIds;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.workflow.PortalRecipient;
import io.switchboard.notifier.support.NotifierIntegrationTestBase;
import io.switchboard.notifier.support.SlackWorkspaceFixture;
import io.switchboard.notifier.support.WorkflowEventsMother;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.mail.ReceivedMail;
import io.switchboard.sandbox.slack.SlackMessage;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.Channel;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.User;

/** Workflow events, published as workflow-service does, reach the right people (issue 6). */
class WorkflowNotificationsIntegrationTest extends NotifierIntegrationTestBase {

    private final ProviderSandbox sandbox = ProviderSandbox.shared();

    @BeforeEach
    void chatEmulated() {
        SlackWorkspaceFixture.assumeChatEmulated();
    }

    @Test
    void postsAStageMoveToTheDefaultSlackChannelWithTheJobLinkAndReportsItDelivered() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1JOBS", "jobs")), List.of());
        UUID practice = ws.practice();
        notificationSettings(practice, List.of(Provider.SLACK), stageEnteredTo(ChannelRef.slack("C1JOBS", "jobs")));
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID job = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("workflow.job.v1", workflow.jobCreated(job, sam));
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.slack().messages(ws.teamId()).size() == 1);
            CloudEvent moved = send("workflow.job.v1", workflow.movedByHand(job, sam));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, moved).size() == 1);

            DeliveryReported report = delivered(probe, practice, moved).get(0);
            assertThat(report.channel()).isEqualTo(NotificationChannel.SLACK);
            assertThat(report.source()).isEqualTo(new SourceRef(SourceKind.WORKFLOW_JOB, job));
            assertThat(report.notificationId()).isEqualTo(
                    NotificationIds.derive(moved.getId(), NotificationChannel.SLACK, "channel:C1JOBS"));
            List<SlackMessage> messages = sandbox.slack().messages(ws.teamId());
            assertThat(messages).hasSize(2);
            SlackMessage message = messages.stream().filter(m -> m.ts().equals(report.providerMessageId()))
                    .findFirst().orElseThrow();
            assertThat(message.channel()).isEqualTo("C1JOBS");
            assertThat(message.blocks().toString())
                    .contains("Job for Acme Pty Ltd moved from Intake to Review (manual by Sam Patel)")
                    .contains(WorkflowEventsMother.APP + "/workflow/jobs/" + job);
        }
    }

    @Test
    void sendsNothingForAStageMoveWithoutTheSettingEvenWhenAnotherPracticeHasOne() {
        SlackWorkspaceFixture other = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1OTHER", "jobs")), List.of());
        notificationSettings(other.practice(), List.of(Provider.SLACK), stageEnteredTo(ChannelRef.slack("C1OTHER", "jobs")));
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1MINE", "general")), List.of());
        UUID practice = ws.practice();
        notificationSettings(practice, List.of(Provider.SLACK), new ToolTriggerSetting(Tool.REGISTER,
                Trigger.CORRESPONDENCE_SHARED, DeliveryMode.CHAT_ONLY, ChatProvider.SLACK, ChannelRef.slack("C1MINE", "general")));
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID job = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent created = send("workflow.job.v1", workflow.jobCreated(job, sam));
            CloudEvent moved = send("workflow.job.v1", workflow.movedByHand(job, sam));
            // A marker after them in the same consumer: once its inbox item is reported, the moves were handled.
            CloudEvent marker = send("workflow.task.v1", workflow.assigned(UUID.randomUUID(), alex, null, sam));
            await().atMost(Duration.ofSeconds(20)).until(() -> reports(probe.events(), practice).stream()
                    .anyMatch(r -> r.sourceEventId().equals(marker.getId()) && r.outcome() == DeliveryOutcome.DELIVERED));
            assertThat(reports(probe.events(), practice)).allSatisfy(r ->
                    assertThat(r.sourceEventId()).isNotIn(created.getId(), moved.getId()));
            assertThat(reports(probe.events(), other.practice())).isEmpty();
        }
        assertThat(sandbox.slack().messages(ws.teamId())).isEmpty();
        assertThat(sandbox.slack().messages(other.teamId())).isEmpty();
    }

    @Test
    void emailsThePortalUsersTheClientTemplateWhenThePracticeWritesAndARedeliveryEmailsNobodyTwice() {
        UUID practice = UUID.randomUUID();
        notificationSettings(practice, List.of());
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        String jane = "jane-" + practice + "@client.example.test";
        String joe = "joe-" + practice + "@client.example.test";
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID thread = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent posted = send("workflow.thread.v1", workflow.practiceWrote(thread, sam,
                    "Please upload your <b>June</b> statements & payslips.", 2,
                    List.of(new PortalRecipient(UUID.randomUUID(), jane, "Jane Client"),
                            new PortalRecipient(UUID.randomUUID(), joe, null))));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, posted).size() == 2);
            assertThat(delivered(probe, practice, posted)).allSatisfy(r -> {
                assertThat(r.channel()).isEqualTo(NotificationChannel.EMAIL);
                assertThat(r.source()).isEqualTo(new SourceRef(SourceKind.WORKFLOW_THREAD, thread));
            });
            ReceivedMail mail = mailsTo(jane).get(0);
            assertThat(mail.subject()).isEqualTo("Your accountant sent you a new message: Documents for your 2025 return");
            assertThat(mail.text()).startsWith("Hello Jane Client,")
                    .contains("Please upload your <b>June</b> statements & payslips.").contains("2 to-dos")
                    .contains(WorkflowEventsMother.APP + "/portal/threads/" + thread);
            assertThat(mail.html()).contains("&lt;b&gt;June&lt;/b&gt; statements &amp; payslips.")
                    .contains("href=\"" + WorkflowEventsMother.APP + "/portal/threads/" + thread + "\"")
                    .contains("Open the conversation").doesNotContain("<b>June");
            assertThat(mailsTo(joe).get(0).text()).startsWith("Hello,");

            send("workflow.thread.v1", posted);
            CloudEvent marker = send("workflow.thread.v1", workflow.practiceWrote(UUID.randomUUID(), sam, "Marker", 0,
                    List.of(new PortalRecipient(UUID.randomUUID(), jane, "Jane Client"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, marker).size() == 1);
            assertThat(mailsTo(jane)).hasSize(2);
            assertThat(mailsTo(joe)).hasSize(1);
            assertThat(reports(probe.events(), practice).stream().filter(r -> r.sourceEventId().equals(posted.getId())
                    && r.outcome() == DeliveryOutcome.QUEUED).count()).isEqualTo(2);
        }
    }

    @Test
    void aClientMessageReachesTheStaffWhoWroteInTheThreadInApp() {
        UUID practice = UUID.randomUUID();
        notificationSettings(practice, List.of());
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID thread = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            send("workflow.thread.v1", workflow.practiceWrote(thread, sam, "Hi, please send your statements.", 1, List.of()));
            CloudEvent reply = send("workflow.thread.v1", workflow.clientWrote(thread, UUID.randomUUID(), "Uploaded them just now."));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, reply).size() == 1);
        }
        List<Map<String, Object>> items = inbox(practice);
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("user_id", sam).containsEntry("source_kind", "WORKFLOW_THREAD")
                .containsEntry("source_id", thread).containsEntry("body", "Uploaded them just now.")
                .containsEntry("link_url", "http://localhost:8080/workflow/threads/" + thread);
        assertThat(inbox(practice)).noneMatch(i -> alex.equals(i.get("user_id")));
    }

    @Test
    void aMentionIsPostedInThePracticesChosenSlackChannelMentioningThePerson() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(Channel.withBot("C1DESK", "front-desk")),
                List.of(new User("U1KIM", "kim@example.test", "kim")));
        UUID practice = ws.practice();
        notificationSettings(practice, List.of(Provider.SLACK), new ToolTriggerSetting(Tool.TASKS, Trigger.TASK_MENTION,
                DeliveryMode.CHAT_ONLY, ChatProvider.SLACK, ChannelRef.slack("C1DESK", "front-desk")));
        UUID kim = user(practice, "kim-" + practice + "@example.test", "Kim Lee", Role.STAFF, "U1KIM", null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent mention = send("workflow.task.v1", workflow.mentioned(UUID.randomUUID(), kim, alex));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, mention).size() == 2);
        }

        SlackMessage posted = sandbox.slack().messages(ws.teamId(), "C1DESK").get(0);
        assertThat(posted.blocks().toString()).contains("<@U1KIM>").doesNotContain("&lt;@U1KIM&gt;");
    }

    @Test
    void aMentionGoesToTheMentionedUsersInboxAndAsASlackDirectMessageWhenConfigured() {
        SlackWorkspaceFixture ws = SlackWorkspaceFixture.create(List.of(),
                List.of(new User("U1SAM", "sam@example.test", "sam")));
        UUID practice = ws.practice();
        notificationSettings(practice, List.of(Provider.SLACK), new ToolTriggerSetting(Tool.TASKS, Trigger.TASK_MENTION,
                DeliveryMode.CHAT_ONLY, ChatProvider.SLACK, null));
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, "U1SAM", null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID task = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent mention = send("workflow.task.v1", workflow.mentioned(task, sam, alex));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, mention).size() == 2);
            assertThat(delivered(probe, practice, mention)).extracting(DeliveryReported::channel)
                    .containsExactlyInAnyOrder(NotificationChannel.IN_APP, NotificationChannel.SLACK);
        }
        SlackMessage dm = sandbox.slack().messages(ws.teamId()).get(0);
        assertThat(dm.channel()).doesNotStartWith("C");
        assertThat(dm.blocks().toString()).contains("Alex Lee mentioned you on a task for the client")
                .contains("/workflow/tasks/" + task);
        assertThat(inbox(practice)).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("user_id", sam).containsEntry("source_kind", "TASK_COMMENT");
            assertThat((String) item.get("body")).contains("can you check the bank statements?");
        });
    }

    @Test
    void aTaskAssignmentReachesTheAssigneeAndTheExtraContactInAppButNotWhoAssignedIt() {
        UUID practice = UUID.randomUUID();
        notificationSettings(practice, List.of());
        UUID sam = user(practice, "sam-" + practice + "@example.test", "Sam Patel", Role.STAFF, null, null);
        UUID alex = user(practice, "alex-" + practice + "@example.test", "Alex Lee", Role.STAFF, null, null);
        UUID admin = user(practice, "admin-" + practice + "@example.test", "Pat Admin", Role.PRACTICE_ADMIN, null, null);
        WorkflowEventsMother workflow = WorkflowEventsMother.forPractice(practice);
        UUID task = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on("notification.delivery.v1")) {
            CloudEvent assigned = send("workflow.task.v1", workflow.assigned(task, sam, alex, admin));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(probe, practice, assigned).size() == 2);
        }
        List<Map<String, Object>> items = inbox(practice);
        assertThat(items).extracting(i -> i.get("user_id")).containsExactlyInAnyOrder(sam, alex);
        assertThat(items).allSatisfy(i -> {
            assertThat(i).containsEntry("source_kind", "WORKFLOW_TASK").containsEntry("source_id", task)
                    .containsEntry("link_url", WorkflowEventsMother.APP + "/workflow/tasks/" + task);
            assertThat((String) i.get("title")).endsWith(": Upload June bank statements");
        });
        assertThat(items).anySatisfy(i -> assertThat(i).containsEntry("user_id", sam)
                .containsEntry("title", "Task assigned to you: Upload June bank statements"));
    }

    private static ToolTriggerSetting stageEnteredTo(ChannelRef channel) {
        return new ToolTriggerSetting(Tool.WORKFLOW, Trigger.JOB_STAGE_ENTERED, DeliveryMode.CHAT_ONLY,
                ChatProvider.SLACK, channel);
    }

    private List<DeliveryReported> delivered(KafkaProbe probe, UUID practice, CloudEvent source) {
        return reports(probe.events(), practice).stream()
                .filter(r -> r.sourceEventId().equals(source.getId()) && r.outcome() == DeliveryOutcome.DELIVERED)
                .toList();
    }

    private List<ReceivedMail> mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.to().contains(address)).toList();
    }

    private List<Map<String, Object>> inbox(UUID practice) {
        return jdbc.sql("select user_id, title, body, link_url, source_kind, source_id from inbox_item"
                + " where practice_id = :p").param("p", practice).query().listOfRows();
    }
}

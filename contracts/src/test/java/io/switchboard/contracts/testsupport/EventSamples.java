package io.switchboard.contracts.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.switchboard.contracts.EventData;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.common.ChannelRef;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.notification.TeamsMention;
import io.switchboard.contracts.register.ShareTarget;

/**
 * Representative instances of every event type, built by the Mothers: for each type one with every
 * optional field filled, one with as many empty as the type's rules allow, and variants that
 * exercise the other branches (outcomes, DM vs channel).
 */
public final class EventSamples {

    /**
     * How a sample treats the optional fields: {@code FILLED} sets every one the type's rules allow
     * at once, {@code EMPTY} leaves every one empty that the rules allow, {@code MIXED} is a variant.
     */
    public enum Optionals { FILLED, EMPTY, MIXED }

    /** One named instance of an event type. */
    public record Sample(String name, EventType<?> type, EventData data, Optionals optionals) {
        @Override
        public String toString() {
            return type.type() + " / " + name;
        }
    }

    private static final Map<String, List<Sample>> BY_TYPE = new LinkedHashMap<>();

    static {
        add(EventTypes.CORRESPONDENCE_RECORDED, "phone message shared everywhere", Optionals.FILLED,
                CorrespondenceRecordedMother.phoneMessageSharedEverywhere().build());
        add(EventTypes.CORRESPONDENCE_RECORDED, "minimal file note", Optionals.EMPTY,
                CorrespondenceRecordedMother.minimal().build());
        add(EventTypes.CORRESPONDENCE_RECORDED, "new email to the client, with its text", Optionals.MIXED,
                CorrespondenceRecordedMother.minimal().entry(CorrespondenceDetailsMother.emailOut().build()).build());
        add(EventTypes.CORRESPONDENCE_SHARED, "shared everywhere", Optionals.FILLED,
                CorrespondenceSharedMother.sharedEverywhere().build());
        add(EventTypes.CORRESPONDENCE_SHARED, "minimal targets of every kind", Optionals.EMPTY,
                CorrespondenceSharedMother.minimal().build());
        add(EventTypes.CORRESPONDENCE_DELETED, "deleted", Optionals.FILLED,
                CorrespondenceDeletedMother.deleted().build());
        add(EventTypes.CORRESPONDENCE_DELETED, "deleted (no optional fields exist)", Optionals.EMPTY,
                CorrespondenceDeletedMother.deleted().build());
        add(EventTypes.CORRESPONDENCE_ACTIONED, "actioned on Slack", Optionals.FILLED,
                CorrespondenceActionedMother.actionedOnSlack().build());
        add(EventTypes.CORRESPONDENCE_ACTIONED, "actioned (no optional fields exist)", Optionals.EMPTY,
                CorrespondenceActionedMother.actionedOnSlack().build());
        add(EventTypes.SLACK_NOTIFICATION_REQUESTED, "channel post", Optionals.FILLED,
                SlackNotificationRequestedMother.channelPost().build());
        add(EventTypes.SLACK_NOTIFICATION_REQUESTED, "minimal DM", Optionals.EMPTY,
                SlackNotificationRequestedMother.minimalDirectMessage().build());
        add(EventTypes.SLACK_NOTIFICATION_REQUESTED, "edit of a channel post", Optionals.MIXED,
                SlackNotificationRequestedMother.channelPostUpdate().build());
        add(EventTypes.TEAMS_NOTIFICATION_REQUESTED, "mentioning Sam", Optionals.FILLED,
                TeamsNotificationRequestedMother.mentioningSam().build());
        add(EventTypes.TEAMS_NOTIFICATION_REQUESTED, "minimal", Optionals.EMPTY,
                TeamsNotificationRequestedMother.minimal().build());
        add(EventTypes.EMAIL_NOTIFICATION_REQUESTED, "via Gmail", Optionals.FILLED,
                EmailNotificationRequestedMother.viaGmail().build());
        add(EventTypes.EMAIL_NOTIFICATION_REQUESTED, "minimal", Optionals.EMPTY,
                EmailNotificationRequestedMother.minimal().build());
        add(EventTypes.IN_APP_NOTIFICATION_REQUESTED, "phone message for Sam", Optionals.FILLED,
                InAppNotificationRequestedMother.phoneMessageForSam().build());
        add(EventTypes.IN_APP_NOTIFICATION_REQUESTED, "minimal system notice", Optionals.EMPTY,
                InAppNotificationRequestedMother.minimal().build());
        add(EventTypes.DELIVERY_REPORTED, "failed: not in channel", Optionals.FILLED,
                DeliveryReportedMother.failedNotInChannel().build());
        add(EventTypes.DELIVERY_REPORTED, "delivered", Optionals.MIXED,
                DeliveryReportedMother.delivered().build());
        add(EventTypes.DELIVERY_REPORTED, "queued (minimal)", Optionals.EMPTY,
                DeliveryReportedMother.queued().build());
        add(EventTypes.DELIVERY_REPORTED, "not sent: no channel", Optionals.MIXED,
                DeliveryReportedMother.notSentNoChannel().build());
        add(EventTypes.CONNECTION_CHANGED, "Slack connected", Optionals.FILLED,
                ConnectionChangedMother.slackConnected().build());
        add(EventTypes.CONNECTION_CHANGED, "minimal: user connection broken", Optionals.EMPTY,
                ConnectionChangedMother.minimalUserConnectionBroken().build());
        add(EventTypes.NOTIFICATION_SETTINGS, "configured", Optionals.FILLED,
                NotificationSettingsSnapshotMother.configured().build());
        add(EventTypes.NOTIFICATION_SETTINGS, "minimal: new practice", Optionals.EMPTY,
                NotificationSettingsSnapshotMother.minimal().build());
        add(EventTypes.DIRECTORY_USER, "Sam", Optionals.FILLED, DirectoryUserSnapshotMother.sam().build());
        add(EventTypes.DIRECTORY_USER, "minimal: deactivated admin", Optionals.EMPTY,
                DirectoryUserSnapshotMother.minimal().build());
        add(EventTypes.CLIENT_SNAPSHOT, "Acme with its director", Optionals.FILLED,
                ClientSnapshotMother.acme().build());
        add(EventTypes.CLIENT_SNAPSHOT, "minimal: archived person", Optionals.EMPTY,
                ClientSnapshotMother.minimal().build());
        add(EventTypes.GMAIL_EMAIL_ASSIGNED, "received from the client with a PDF", Optionals.FILLED,
                GmailEmailMother.receivedFromClient().build());
        add(EventTypes.GMAIL_EMAIL_ASSIGNED, "minimal: sent, auto-filed", Optionals.EMPTY,
                GmailEmailMother.minimal().build());
        add(EventTypes.GMAIL_EMAIL_UNASSIGNED, "unassigned", Optionals.FILLED, GmailEmailMother.unassigned());
        add(EventTypes.GMAIL_EMAIL_UNASSIGNED, "unassigned (no optional fields exist)", Optionals.EMPTY,
                GmailEmailMother.unassigned());
        add(EventTypes.JOB_CREATED, "tax return", Optionals.FILLED, JobCreatedMother.taxReturn().build());
        add(EventTypes.JOB_CREATED, "minimal: no title", Optionals.EMPTY, JobCreatedMother.minimal().build());
        add(EventTypes.JOB_MOVED, "manual, open items moved along", Optionals.FILLED,
                JobMovedMother.manualWithOpenItemsMovedAlong().build());
        add(EventTypes.JOB_MOVED, "automove", Optionals.EMPTY, JobMovedMother.automove().build());
        add(EventTypes.THREAD_MESSAGE_POSTED, "automated request with to-dos", Optionals.FILLED,
                ThreadMessagePostedMother.automatedRequestWithTodos().build());
        add(EventTypes.THREAD_MESSAGE_POSTED, "minimal client reply", Optionals.EMPTY,
                ThreadMessagePostedMother.minimalClientReply().build());
        add(EventTypes.THREAD_MESSAGE_POSTED, "recipient without a name", Optionals.MIXED,
                ThreadMessagePostedMother.toRecipientWithoutName().build());
        add(EventTypes.TASK_ASSIGNED, "bank statements reassigned", Optionals.FILLED,
                TaskEventsMother.bankStatementsReassigned());
        add(EventTypes.TASK_ASSIGNED, "minimal: created", Optionals.EMPTY, TaskEventsMother.minimalCreated());
        add(EventTypes.TASK_RESPONDED, "bank feed connected", Optionals.FILLED, TaskEventsMother.bankFeedConnected());
        add(EventTypes.TASK_RESPONDED, "minimal: credential submitted", Optionals.EMPTY,
                TaskEventsMother.minimalCredentialSubmitted());
        add(EventTypes.TASK_STATUS_CHANGED, "upload completed", Optionals.FILLED, TaskEventsMother.uploadCompleted());
        add(EventTypes.TASK_STATUS_CHANGED, "minimal: cancelled", Optionals.EMPTY, TaskEventsMother.minimalCancelled());
        add(EventTypes.USER_MENTIONED, "accountant mentioned by client", Optionals.FILLED,
                TaskEventsMother.accountantMentionedByClient());
        add(EventTypes.USER_MENTIONED, "minimal: user mentioned on a job", Optionals.EMPTY,
                TaskEventsMother.minimalUserMentionedOnJob());
    }

    private EventSamples() {
    }

    private static void add(EventType<?> type, String name, Optionals optionals, EventData data) {
        BY_TYPE.computeIfAbsent(type.type(), t -> new ArrayList<>()).add(new Sample(name, type, data, optionals));
    }

    public static Stream<Sample> all() {
        return BY_TYPE.values().stream().flatMap(List::stream);
    }

    public static List<Sample> of(EventType<?> type) {
        return BY_TYPE.getOrDefault(type.type(), List.of());
    }

    /** The {@code FILLED} sample of {@code type}. */
    public static Sample full(EventType<?> type) {
        return of(type).stream().filter(s -> s.optionals() == Optionals.FILLED).findFirst()
                .orElseThrow(() -> new IllegalStateException("no full sample for " + type.type()));
    }

    /** Nested value records with every optional field empty, for the nullability check of the shared $defs. */
    public static List<Record> minimalValues() {
        return List.of(
                ShareTarget.practiceDefault(),
                ChannelRef.slack("C024BE91L", "front-desk"),
                CorrespondenceDetailsMother.minimal().build(),
                new SourceRef(SourceKind.RULE, Ids.ENTRY),
                new MessageField("Client", "Acme"),
                MessageContentMother.minimal().build(),
                new TeamsMention("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Sam Lee"),
                NotificationSettingsSnapshotMother.minimalSetting());
    }
}

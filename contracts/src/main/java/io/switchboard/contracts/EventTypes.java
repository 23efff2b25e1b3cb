package io.switchboard.contracts;

import java.util.List;

import io.switchboard.contracts.directory.DirectoryUserSnapshot;
import io.switchboard.contracts.gmail.GmailEmailAssigned;
import io.switchboard.contracts.gmail.GmailEmailUnassigned;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.notification.DeliveryReported;
import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
import io.switchboard.contracts.register.ClientSnapshot;
import io.switchboard.contracts.register.CorrespondenceActioned;
import io.switchboard.contracts.register.CorrespondenceDeleted;
import io.switchboard.contracts.register.CorrespondenceRecorded;
import io.switchboard.contracts.register.CorrespondenceShared;
import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskResponded;
import io.switchboard.contracts.workflow.TaskStatusChanged;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.UserMentioned;

/** Every event type in the published contract. Add new types here; never change an existing one's meaning. */
public final class EventTypes {

    public static final EventType<CorrespondenceRecorded> CORRESPONDENCE_RECORDED = new EventType<>(
            "switchboard.register.correspondence.recorded.v1", Topics.REGISTER_CORRESPONDENCE,
            CorrespondenceRecorded.class);
    public static final EventType<CorrespondenceShared> CORRESPONDENCE_SHARED = new EventType<>(
            "switchboard.register.correspondence.shared.v1", Topics.REGISTER_CORRESPONDENCE,
            CorrespondenceShared.class);
    public static final EventType<CorrespondenceDeleted> CORRESPONDENCE_DELETED = new EventType<>(
            "switchboard.register.correspondence.deleted.v1", Topics.REGISTER_CORRESPONDENCE,
            CorrespondenceDeleted.class);
    public static final EventType<CorrespondenceActioned> CORRESPONDENCE_ACTIONED = new EventType<>(
            "switchboard.register.correspondence.actioned.v1", Topics.REGISTER_CORRESPONDENCE,
            CorrespondenceActioned.class);
    public static final EventType<ClientSnapshot> CLIENT_SNAPSHOT = new EventType<>(
            "switchboard.register.client.snapshot.v1", Topics.REGISTER_CLIENT, ClientSnapshot.class);

    public static final EventType<SlackNotificationRequested> SLACK_NOTIFICATION_REQUESTED = new EventType<>(
            "switchboard.notify.slack.requested.v1", Topics.NOTIFY_SLACK, SlackNotificationRequested.class);
    public static final EventType<TeamsNotificationRequested> TEAMS_NOTIFICATION_REQUESTED = new EventType<>(
            "switchboard.notify.teams.requested.v1", Topics.NOTIFY_TEAMS, TeamsNotificationRequested.class);
    public static final EventType<EmailNotificationRequested> EMAIL_NOTIFICATION_REQUESTED = new EventType<>(
            "switchboard.notify.email.requested.v1", Topics.NOTIFY_EMAIL, EmailNotificationRequested.class);
    public static final EventType<InAppNotificationRequested> IN_APP_NOTIFICATION_REQUESTED = new EventType<>(
            "switchboard.notify.inapp.requested.v1", Topics.NOTIFY_INAPP, InAppNotificationRequested.class);
    public static final EventType<DeliveryReported> DELIVERY_REPORTED = new EventType<>(
            "switchboard.notification.delivery.reported.v1", Topics.NOTIFICATION_DELIVERY, DeliveryReported.class);

    public static final EventType<ConnectionChanged> CONNECTION_CHANGED = new EventType<>(
            "switchboard.integration.connection.changed.v1", Topics.INTEGRATION_CONNECTION, ConnectionChanged.class);
    public static final EventType<NotificationSettingsSnapshot> NOTIFICATION_SETTINGS = new EventType<>(
            "switchboard.integration.settings.snapshot.v1", Topics.INTEGRATION_SETTINGS,
            NotificationSettingsSnapshot.class);
    public static final EventType<DirectoryUserSnapshot> DIRECTORY_USER = new EventType<>(
            "switchboard.directory.user.snapshot.v1", Topics.DIRECTORY_USER, DirectoryUserSnapshot.class);

    public static final EventType<GmailEmailAssigned> GMAIL_EMAIL_ASSIGNED = new EventType<>(
            "switchboard.gmail.email.assigned.v1", Topics.GMAIL_EMAIL, GmailEmailAssigned.class);
    public static final EventType<GmailEmailUnassigned> GMAIL_EMAIL_UNASSIGNED = new EventType<>(
            "switchboard.gmail.email.unassigned.v1", Topics.GMAIL_EMAIL, GmailEmailUnassigned.class);

    public static final EventType<JobCreated> JOB_CREATED = new EventType<>(
            "switchboard.workflow.job.created.v1", Topics.WORKFLOW_JOB, JobCreated.class);
    public static final EventType<JobMoved> JOB_MOVED = new EventType<>(
            "switchboard.workflow.job.moved.v1", Topics.WORKFLOW_JOB, JobMoved.class);
    public static final EventType<ThreadMessagePosted> THREAD_MESSAGE_POSTED = new EventType<>(
            "switchboard.workflow.thread.message.posted.v1", Topics.WORKFLOW_THREAD, ThreadMessagePosted.class);
    public static final EventType<TaskAssigned> TASK_ASSIGNED = new EventType<>(
            "switchboard.workflow.task.assigned.v1", Topics.WORKFLOW_TASK, TaskAssigned.class);
    public static final EventType<TaskResponded> TASK_RESPONDED = new EventType<>(
            "switchboard.workflow.task.responded.v1", Topics.WORKFLOW_TASK, TaskResponded.class);
    public static final EventType<TaskStatusChanged> TASK_STATUS_CHANGED = new EventType<>(
            "switchboard.workflow.task.status.changed.v1", Topics.WORKFLOW_TASK, TaskStatusChanged.class);
    public static final EventType<UserMentioned> USER_MENTIONED = new EventType<>(
            "switchboard.workflow.task.mention.v1", Topics.WORKFLOW_TASK, UserMentioned.class);

    private static final List<EventType<?>> ALL = List.of(
            CORRESPONDENCE_RECORDED, CORRESPONDENCE_SHARED, CORRESPONDENCE_DELETED,
            SLACK_NOTIFICATION_REQUESTED, TEAMS_NOTIFICATION_REQUESTED, EMAIL_NOTIFICATION_REQUESTED,
            IN_APP_NOTIFICATION_REQUESTED, DELIVERY_REPORTED,
            CONNECTION_CHANGED, NOTIFICATION_SETTINGS, DIRECTORY_USER,
            JOB_CREATED, JOB_MOVED, THREAD_MESSAGE_POSTED,
            TASK_ASSIGNED, TASK_RESPONDED, TASK_STATUS_CHANGED, USER_MENTIONED,
            CLIENT_SNAPSHOT, GMAIL_EMAIL_ASSIGNED, GMAIL_EMAIL_UNASSIGNED, CORRESPONDENCE_ACTIONED);

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }
}

package io.switchboard.notifier.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.SourceKind;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.PortalRecipient;
import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskResponded;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.contracts.workflow.TaskStatusChanged;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.contracts.workflow.UserMentioned;
import io.switchboard.notifier.email.ClientThreadEmail;
import io.switchboard.notifier.projection.Projections;
import io.switchboard.notifier.projection.Projections.DeliverySettings;
import io.switchboard.notifier.projection.Projections.DirectoryUser;
import io.switchboard.notifier.projection.WorkflowProjections;
import io.switchboard.notifier.projection.WorkflowProjections.Job;

/**
 * N1, the routing strategy for workflow events (W1–W7): stage changes to the practice's chat channel when the
 * WORKFLOW/JOB_STAGE_ENTERED default is set (opt-in: no setting, nothing); a practice's thread message to the
 * client's portal users by email ({@link ClientThreadEmail}); a client's thread message to the thread's staff in-app
 * and to chat per WORKFLOW/THREAD_MESSAGE_POSTED; mentions, assignments, client responses and completions to the
 * people concerned in-app, plus chat/DM/email per the TASKS defaults. Every target goes through
 * {@link Destinations}: one command with a derived id and a QUEUED report, or a NOT_SENT report. Only the
 * practice's own settings and directory are read (every query is scoped by the event's practice).
 */
@Component
class WorkflowRouter {

    private static final String A_CLIENT = "the client";

    private final Projections projections;
    private final WorkflowProjections workflow;
    private final Destinations destinations;
    private final String publicUrl;
    private final String practiceName;

    WorkflowRouter(Projections projections, WorkflowProjections workflow, Destinations destinations,
                   @Value("${switchboard.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${switchboard.notifier.client-email.practice-name:Your accountant}") String practiceName) {
        this.projections = projections;
        this.workflow = workflow;
        this.destinations = destinations;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.practiceName = practiceName;
    }

    /** W1: a new job entered its pipeline's first stage — a stage entry like any other for the chat default. */
    void jobCreated(String eventId, JobCreated job) {
        workflow.remember(job);
        MessageContent content = WorkflowMessages.jobCreated(job, staffName(job.practiceId(), job.createdBy()));
        stageEntered(eventId, job.createdAt(), job.practiceId(), job.jobId(), content, job.createdBy());
    }

    /** W1, W4: "Job for Acme moved from X to Y (automove / manual by Sam)". */
    void jobMoved(String eventId, JobMoved move) {
        Optional<Job> job = workflow.job(move.practiceId(), move.jobId());
        String client = job.map(Job::clientName).or(() -> workflow.clientName(move.practiceId(), move.clientId()))
                .orElse(A_CLIENT);
        String movedBy = move.reason() == MoveReason.MANUAL ? staffName(move.practiceId(), move.movedBy()) : null;
        // An automove is triggered by a portal user, who cannot post to Teams: the job's creator posts it.
        UUID teamsSender = move.reason() == MoveReason.MANUAL ? move.movedBy() : job.map(Job::createdBy).orElse(null);
        MessageContent content = WorkflowMessages.jobMoved(move, client, job.map(Job::title).orElse(null), movedBy);
        stageEntered(eventId, move.movedAt(), move.practiceId(), move.jobId(), content, teamsSender);
    }

    private void stageEntered(String eventId, Instant at, UUID practiceId, UUID jobId, MessageContent content,
                              UUID teamsSender) {
        Optional<DeliverySettings> settings = projections.triggerSettings(practiceId, Tool.WORKFLOW,
                Trigger.JOB_STAGE_ENTERED);
        if (settings.isEmpty()) {
            return;
        }
        Dispatch dispatch = Dispatch.of(eventId, at, practiceId, new SourceRef(SourceKind.WORKFLOW_JOB, jobId),
                content, content.title(), settings.get(), teamsSender);
        chat(dispatch, List.of());
    }

    /**
     * W2, W3. The practice wrote: each portal user on the event gets the client email (nobody listed, nobody
     * emailed: workflow decided no notice is needed). A client wrote: the thread's staff — every staff user who
     * wrote in it, else the creator of its job — get an inbox item, and the chat default is posted.
     */
    void threadMessagePosted(String eventId, ThreadMessagePosted message) {
        UUID practiceId = message.practiceId();
        SourceRef source = new SourceRef(SourceKind.WORKFLOW_THREAD, message.threadId());
        if (message.authorParty() == ThreadParty.PRACTICE) {
            if (!message.automated() && projections.user(practiceId, message.authorUserId()).isPresent()) {
                workflow.staffPosted(practiceId, message.threadId(), message.authorUserId(), message.postedAt());
            }
            Dispatch dispatch = null;
            for (PortalRecipient recipient : message.recipients()) {
                ClientThreadEmail.Notice notice = new ClientThreadEmail.Notice(practiceName, recipient.displayName(),
                        message.threadSubject(), message.excerpt(), message.todoCount(), message.link());
                MessageContent content = ClientThreadEmail.content(notice);
                dispatch = dispatch == null
                        ? Dispatch.of(eventId, message.postedAt(), practiceId, source, content,
                                ClientThreadEmail.subject(notice), projections.registerSettings(practiceId), null)
                        : dispatch.with(content, ClientThreadEmail.subject(notice));
                destinations.emailToAddress(dispatch, recipient.email());
            }
            return;
        }
        Optional<Job> job = workflow.job(practiceId, message.jobId());
        String client = job.map(Job::clientName).or(() -> workflow.clientName(practiceId, message.clientId()))
                .orElse(A_CLIENT);
        Set<UUID> staff = new LinkedHashSet<>(workflow.threadStaff(practiceId, message.threadId()));
        if (staff.isEmpty()) {
            job.map(Job::createdBy).ifPresent(staff::add);
        }
        MessageContent content = WorkflowMessages.clientMessage(message, client,
                publicUrl + "/workflow/threads/" + message.threadId());
        UUID teamsSender = staff.isEmpty() ? null : staff.iterator().next();
        Dispatch dispatch = Dispatch.of(eventId, message.postedAt(), practiceId, source, content, content.title(),
                projections.registerSettings(practiceId), teamsSender);
        if (staff.isEmpty()) {
            destinations.notSent(dispatch, NotificationChannel.IN_APP, "thread-staff", "the thread's staff",
                    DeliveryReason.USER_NOT_FOUND,
                    "nobody at the practice has written in this thread and it has no known job");
        }
        for (UUID userId : staff) {
            destinations.inbox(dispatch, userId);
        }
        projections.triggerSettings(practiceId, Tool.WORKFLOW, Trigger.THREAD_MESSAGE_POSTED)
                .ifPresent(settings -> chat(dispatch.with(settings), List.of()));
    }

    /**
     * W7: the mentioned user's inbox, always; then per TASKS/TASK_MENTION: email (email modes), and for chat modes a
     * message in the practice's chosen channel that @mentions them (on Teams posted as the commenter), or a Slack
     * DM when no channel is chosen.
     */
    void userMentioned(String eventId, UserMentioned mention) {
        UUID practiceId = mention.practiceId();
        String client = workflow.clientName(practiceId, mention.clientId()).orElse(A_CLIENT);
        String by = mention.mentionedByParty() == ThreadParty.PRACTICE
                ? staffName(practiceId, mention.mentionedBy())
                : (client.equals(A_CLIENT) ? "The client" : client);
        MessageContent content = WorkflowMessages.mention(mention, client, by);
        UUID teamsSender = mention.mentionedByParty() == ThreadParty.PRACTICE ? mention.mentionedBy() : null;
        Dispatch dispatch = Dispatch.of(eventId, mention.mentionedAt(), practiceId,
                new SourceRef(SourceKind.TASK_COMMENT, mention.commentId()), content, content.title(),
                projections.registerSettings(practiceId), teamsSender);
        destinations.inbox(dispatch, mention.mentionedUserId());
        Optional<DeliverySettings> settings = projections.triggerSettings(practiceId, Tool.TASKS, Trigger.TASK_MENTION);
        if (settings.isEmpty()) {
            return;
        }
        Dispatch configured = dispatch.with(settings.get());
        DeliveryMode mode = settings.get().mode();
        if (mode == DeliveryMode.EMAIL_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            destinations.emailToUser(configured, mention.mentionedUserId());
        }
        if (mode == DeliveryMode.CHAT_ONLY || mode == DeliveryMode.EMAIL_AND_CHAT) {
            // The practice's chosen channel, mentioning the person; on Slack without a channel, a direct message.
            if (provider(settings.get()) == ChatProvider.TEAMS || Destinations.defaultChannel(settings.get()) != null) {
                chat(configured, List.of(mention.mentionedUserId()));
            } else {
                destinations.directMessage(configured, mention.mentionedUserId());
            }
        }
    }

    /** W6: the assignee's and the extra contact's inbox (not the person who assigned it), then chat per TASK_ASSIGNED. */
    void taskAssigned(String eventId, TaskAssigned task) {
        UUID practiceId = task.practiceId();
        String client = workflow.clientName(practiceId, task.clientId()).orElse(A_CLIENT);
        String assignee = staffName(practiceId, task.assigneeUserId());
        String assignedBy = staffName(practiceId, task.assignedBy());
        MessageContent forChannel = WorkflowMessages.taskAssigned(task, "Task for " + client + " assigned to "
                + assignee, client, assignee, assignedBy);
        Dispatch dispatch = Dispatch.of(eventId, task.assignedAt(), practiceId,
                new SourceRef(SourceKind.WORKFLOW_TASK, task.taskId()), forChannel, forChannel.title(),
                projections.registerSettings(practiceId), task.assignedBy());
        if (!task.assigneeUserId().equals(task.assignedBy())) {
            MessageContent content = WorkflowMessages.taskAssigned(task, "Task assigned to you", client, assignee,
                    assignedBy);
            destinations.inbox(dispatch.with(content, content.title()), task.assigneeUserId());
        }
        UUID extra = task.extraContactUserId();
        if (extra != null && !extra.equals(task.assignedBy()) && !extra.equals(task.assigneeUserId())) {
            MessageContent content = WorkflowMessages.taskAssigned(task, "You are the extra contact on a task",
                    client, assignee, assignedBy);
            destinations.inbox(dispatch.with(content, content.title()), extra);
        }
        projections.triggerSettings(practiceId, Tool.TASKS, Trigger.TASK_ASSIGNED)
                .ifPresent(settings -> chat(dispatch.with(settings), List.of()));
    }

    /** W6: a client's response reaches the assignee and the extra contact in-app. */
    void taskResponded(String eventId, TaskResponded response) {
        String client = workflow.clientName(response.practiceId(), response.clientId()).orElse(A_CLIENT);
        MessageContent content = WorkflowMessages.taskResponded(response, client);
        Dispatch dispatch = Dispatch.of(eventId, response.respondedAt(), response.practiceId(),
                new SourceRef(SourceKind.WORKFLOW_TASK, response.taskId()), content, content.title(),
                projections.registerSettings(response.practiceId()), null);
        for (UUID userId : people(response.assigneeUserId(), response.extraContactUserId(), null)) {
            destinations.inbox(dispatch, userId);
        }
    }

    /**
     * W6: a completed task reaches the assignee and the extra contact in-app (not whoever completed it). Other
     * changes are not notified: a client's start is already told by its {@link TaskResponded}, a staff user's
     * start or cancellation is their own doing.
     */
    void taskStatusChanged(String eventId, TaskStatusChanged change) {
        if (change.toStatus() != TaskStatus.COMPLETED) {
            return;
        }
        UUID practiceId = change.practiceId();
        String client = workflow.clientName(practiceId, change.clientId()).orElse(A_CLIENT);
        String by = change.changedByParty() == ThreadParty.PRACTICE ? staffName(practiceId, change.changedBy())
                : (client.equals(A_CLIENT) ? "The client" : client);
        MessageContent content = WorkflowMessages.taskCompleted(change, client, by);
        Dispatch dispatch = Dispatch.of(eventId, change.changedAt(), practiceId,
                new SourceRef(SourceKind.WORKFLOW_TASK, change.taskId()), content, content.title(),
                projections.registerSettings(practiceId), null);
        for (UUID userId : people(change.assigneeUserId(), change.extraContactUserId(), change.changedBy())) {
            destinations.inbox(dispatch, userId);
        }
    }

    /** The default channel of the dispatch's (tool, trigger) setting, whatever its mode: workflow defaults are chat. */
    private void chat(Dispatch dispatch, List<UUID> mentioned) {
        destinations.chat(dispatch, provider(dispatch.settings()), Destinations.defaultChannel(dispatch.settings()),
                mentioned);
    }

    private static ChatProvider provider(DeliverySettings settings) {
        return settings.provider() == null ? ChatProvider.SLACK : settings.provider();
    }

    private static List<UUID> people(UUID assignee, UUID extraContact, UUID except) {
        List<UUID> people = new ArrayList<>();
        for (UUID userId : new UUID[] {assignee, extraContact}) {
            if (userId != null && !userId.equals(except) && !people.contains(userId)) {
                people.add(userId);
            }
        }
        return people;
    }

    private String staffName(UUID practiceId, UUID userId) {
        return projections.user(practiceId, userId).map(DirectoryUser::displayName).orElse("a colleague");
    }
}

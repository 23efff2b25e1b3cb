package io.switchboard.notifier.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.MentionKind;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.PortalRecipient;
import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskType;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.contracts.workflow.UserMentioned;

/** Workflow events as workflow-service publishes them, for one practice and one client. */
public record WorkflowEventsMother(UUID practice, UUID client, String clientName) {

    public static final String APP = "http://localhost:8080";

    public static WorkflowEventsMother forPractice(UUID practice) {
        return new WorkflowEventsMother(practice, UUID.randomUUID(), "Acme Pty Ltd");
    }

    public JobCreated jobCreated(UUID job, UUID createdBy) {
        return new JobCreated(job, practice, UUID.randomUUID(), UUID.randomUUID(), "Intake", client, clientName,
                "2025 tax return", createdBy, Instant.now(), APP + "/workflow/jobs/" + job);
    }

    public JobMoved movedByHand(UUID job, UUID movedBy) {
        return new JobMoved(job, practice, UUID.randomUUID(), client, UUID.randomUUID(), "Intake", UUID.randomUUID(),
                "Review", MoveReason.MANUAL, movedBy, null, Instant.now(), APP + "/workflow/jobs/" + job);
    }

    public ThreadMessagePosted practiceWrote(UUID thread, UUID author, String excerpt, int todos,
                                             List<PortalRecipient> recipients) {
        return new ThreadMessagePosted(thread, practice, client, null, UUID.randomUUID(), "Documents for your 2025 return",
                excerpt, todos, ThreadParty.PRACTICE, author, false, Instant.now(), recipients,
                APP + "/portal/threads/" + thread);
    }

    public ThreadMessagePosted clientWrote(UUID thread, UUID portalUser, String excerpt) {
        return new ThreadMessagePosted(thread, practice, client, null, UUID.randomUUID(), "Documents for your 2025 return",
                excerpt, 0, ThreadParty.CLIENT, portalUser, false, Instant.now(), List.of(),
                APP + "/portal/threads/" + thread);
    }

    public UserMentioned mentioned(UUID task, UUID mentionedUser, UUID by) {
        return new UserMentioned(UUID.randomUUID(), practice, CommentTarget.TASK, task, client, mentionedUser,
                MentionKind.USER, null, by, ThreadParty.PRACTICE, "@Sam can you check the bank statements?",
                Instant.now(), APP + "/workflow/tasks/" + task);
    }

    public TaskAssigned assigned(UUID task, UUID assignee, UUID extraContact, UUID by) {
        return new TaskAssigned(task, practice, client, null, TaskType.DOCUMENT_UPLOAD_REQUEST,
                TaskCategory.BANK_STATEMENTS, "Upload June bank statements", "2026-12-01", assignee, null,
                extraContact, by, Instant.now(), APP + "/workflow/tasks/" + task);
    }
}

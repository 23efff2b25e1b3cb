package io.switchboard.contracts.testsupport;

import java.util.UUID;

import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.MentionKind;
import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskCategory;
import io.switchboard.contracts.workflow.TaskResponded;
import io.switchboard.contracts.workflow.TaskResponseKind;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.contracts.workflow.TaskStatusChanged;
import io.switchboard.contracts.workflow.TaskType;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.contracts.workflow.UserMentioned;

/** Builds the work task and mention events (FEATURES.md W6, W7). */
public final class TaskEventsMother {

    public static final UUID TASK = UUID.fromString("e5f6a7b8-9c0d-4e1f-8a2b-0000000000a0");
    public static final UUID COMMENT = UUID.fromString("e5f6a7b8-9c0d-4e1f-8a2b-0000000000a1");
    static final String TASK_LINK = "https://app.switchboard.example/workflow/tasks/" + TASK;

    private TaskEventsMother() {
    }

    /** A bank-statements upload request on a job, reassigned from Alex to Sam, with the extra contact. */
    public static TaskAssigned bankStatementsReassigned() {
        return new TaskAssigned(TASK, Ids.PRACTICE, Ids.CLIENT, Ids.JOB, TaskType.DOCUMENT_UPLOAD_REQUEST,
                TaskCategory.BANK_STATEMENTS, "Upload your March bank statements", "2026-03-31", Ids.SAM, Ids.ALEX,
                Ids.ADMIN, Ids.ADMIN, Ids.RECORDED, TASK_LINK);
    }

    /** A new standalone custom request assigned to the primary point of contact. */
    public static TaskAssigned minimalCreated() {
        return new TaskAssigned(TASK, Ids.PRACTICE, Ids.CLIENT, null, TaskType.CUSTOM_REQUEST, TaskCategory.GENERAL,
                "A question about your payroll", null, Ids.SAM, null, null, Ids.ADMIN, Ids.RECORDED, TASK_LINK);
    }

    /** The client connected a bank feed, with a note. */
    public static TaskResponded bankFeedConnected() {
        return new TaskResponded(TASK, Ids.PRACTICE, Ids.CLIENT, Ids.JOB, TaskType.BANK_FEED_CONNECTION_REQUEST,
                "Reconnect your bank feed", TaskResponseKind.BANK_FEED_CONNECTED, Ids.PORTAL_USER, Ids.SAM, Ids.ALEX,
                0, "First National Bank", "Connected the business account.", Ids.RECORDED, TASK_LINK);
    }

    /** The client submitted a credential: nothing of it travels. */
    public static TaskResponded minimalCredentialSubmitted() {
        return new TaskResponded(TASK, Ids.PRACTICE, Ids.CLIENT, null, TaskType.CREDENTIAL_REQUEST,
                "Tax portal password", TaskResponseKind.CREDENTIAL_SUBMITTED, Ids.PORTAL_USER, Ids.SAM, null, 0, null,
                null, Ids.RECORDED, TASK_LINK);
    }

    /** A document upload request completed, its files filed in the chosen folder. */
    public static TaskStatusChanged uploadCompleted() {
        return new TaskStatusChanged(TASK, Ids.PRACTICE, Ids.CLIENT, Ids.JOB, TaskType.DOCUMENT_UPLOAD_REQUEST,
                "Upload your March bank statements", TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED, Ids.SAM, Ids.ALEX,
                Ids.PORTAL_USER, ThreadParty.CLIENT, "Bank Statements/2026", 2, Ids.RECORDED, TASK_LINK);
    }

    /** A standalone custom request cancelled by staff. */
    public static TaskStatusChanged minimalCancelled() {
        return new TaskStatusChanged(TASK, Ids.PRACTICE, Ids.CLIENT, null, TaskType.CUSTOM_REQUEST,
                "A question about your payroll", TaskStatus.OPEN, TaskStatus.CANCELLED, Ids.SAM, null, Ids.ADMIN,
                ThreadParty.PRACTICE, null, 0, Ids.RECORDED, TASK_LINK);
    }

    /** A client's comment on a task reached Sam through {@code @accountant}. */
    public static UserMentioned accountantMentionedByClient() {
        return new UserMentioned(COMMENT, Ids.PRACTICE, CommentTarget.TASK, TASK, Ids.CLIENT, Ids.SAM, MentionKind.ROLE,
                "accountant", Ids.PORTAL_USER, ThreadParty.CLIENT, "@accountant which statements do you need?",
                Ids.RECORDED, TASK_LINK);
    }

    /** A staff comment on a job mentioning Alex directly. */
    public static UserMentioned minimalUserMentionedOnJob() {
        return new UserMentioned(COMMENT, Ids.PRACTICE, CommentTarget.JOB, Ids.JOB, Ids.CLIENT, Ids.ALEX,
                MentionKind.USER, null, Ids.SAM, ThreadParty.PRACTICE, "@Alex can you review?", Ids.RECORDED,
                "https://app.switchboard.example/workflow/jobs/" + Ids.JOB);
    }
}

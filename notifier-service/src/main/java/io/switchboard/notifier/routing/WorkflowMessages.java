package io.switchboard.notifier.routing;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.JobCreated;
import io.switchboard.contracts.workflow.JobMoved;
import io.switchboard.contracts.workflow.MoveReason;
import io.switchboard.contracts.workflow.TaskAssigned;
import io.switchboard.contracts.workflow.TaskResponded;
import io.switchboard.contracts.workflow.TaskStatusChanged;
import io.switchboard.contracts.workflow.TaskType;
import io.switchboard.contracts.workflow.ThreadMessagePosted;
import io.switchboard.contracts.workflow.UserMentioned;

/** Staff-facing workflow notifications (chat and inbox): short, a few fields, a link into the app. */
final class WorkflowMessages {

    static final String OPEN_JOB = "Open job";
    static final String OPEN_TASK = "Open task";
    static final String OPEN_THREAD = "Open conversation";

    private WorkflowMessages() {
    }

    static MessageContent jobCreated(JobCreated job, String createdBy) {
        String title = "Job for " + job.clientName() + " created in " + job.stageName() + " by " + createdBy;
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", job.clientName()));
        if (job.title() != null) {
            fields.add(new MessageField("Job", job.title()));
        }
        fields.add(new MessageField("Stage", job.stageName()));
        return new MessageContent(title, null, fields, job.link(), OPEN_JOB);
    }

    /** "Job for Acme moved from Waiting on client to Review (automove)" / "(manual by Sam Patel)". */
    static MessageContent jobMoved(JobMoved move, String clientName, String jobTitle, String movedBy) {
        String how = move.reason() == MoveReason.AUTOMOVE ? "automove" : "manual by " + movedBy;
        String title = "Job for " + clientName + " moved from " + move.fromStageName() + " to " + move.toStageName()
                + " (" + how + ")";
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        if (jobTitle != null) {
            fields.add(new MessageField("Job", jobTitle));
        }
        fields.add(new MessageField("From", move.fromStageName()));
        fields.add(new MessageField("To", move.toStageName()));
        fields.add(new MessageField("Moved", move.reason() == MoveReason.AUTOMOVE
                ? "automatically: every linked to-do is done" : "by " + movedBy));
        if (move.decision() != null) {
            fields.add(new MessageField("Open to-dos", switch (move.decision()) {
                case KEEP_OPEN -> "kept open, threads unlinked";
                case CANCEL -> "cancelled";
                case MOVE_ALONG -> "moved along with the job";
            }));
        }
        return new MessageContent(title, null, fields, move.link(), OPEN_JOB);
    }

    static MessageContent clientMessage(ThreadMessagePosted message, String clientName, String staffLink) {
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        fields.add(new MessageField("Conversation", message.threadSubject()));
        return new MessageContent(clientName + " replied in \"" + message.threadSubject() + "\"", message.excerpt(),
                fields, staffLink, OPEN_THREAD);
    }

    static MessageContent mention(UserMentioned mention, String clientName, String mentionedBy) {
        String on = mention.targetKind() == CommentTarget.JOB ? "a job" : "a task";
        String as = mention.role() == null ? "" : " (as @" + mention.role() + ")";
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        fields.add(new MessageField("By", mentionedBy));
        return new MessageContent(mentionedBy + " mentioned you" + as + " on " + on + " for " + clientName,
                mention.excerpt(), fields, mention.link(), mention.targetKind() == CommentTarget.JOB ? OPEN_JOB : OPEN_TASK);
    }

    /** @param headline what the reader is told, e.g. "Task assigned to you" */
    static MessageContent taskAssigned(TaskAssigned task, String headline, String clientName, String assignee,
                                       String assignedBy) {
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        fields.add(new MessageField("Type", label(task.taskType())));
        fields.add(new MessageField("Assignee", assignee));
        if (task.dueDate() != null) {
            fields.add(new MessageField("Due", task.dueDate()));
        }
        fields.add(new MessageField("Assigned by", assignedBy));
        return new MessageContent(headline + ": " + task.title(), null, fields, task.link(), OPEN_TASK);
    }

    static MessageContent taskResponded(TaskResponded response, String clientName) {
        String what = switch (response.responseKind()) {
            case FILES_UPLOADED -> "uploaded " + response.fileCount() + (response.fileCount() == 1 ? " file" : " files");
            case BANK_FEED_CONNECTED -> "connected the bank feed"
                    + (response.bankName() == null ? "" : " (" + response.bankName() + ")");
            case CREDENTIAL_SUBMITTED -> "submitted the requested credential";
            case TEXT_RESPONDED -> "answered";
        };
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        fields.add(new MessageField("Type", label(response.taskType())));
        return new MessageContent(clientName + " " + what + ": " + response.title(), response.excerpt(), fields,
                response.link(), OPEN_TASK);
    }

    static MessageContent taskCompleted(TaskStatusChanged change, String clientName, String completedBy) {
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField("Client", clientName));
        fields.add(new MessageField("Completed by", completedBy));
        if (change.folder() != null) {
            fields.add(new MessageField("Filed in", change.folder()));
        }
        if (change.fileCount() > 0) {
            fields.add(new MessageField("Documents", Integer.toString(change.fileCount())));
        }
        return new MessageContent("Task completed: " + change.title(), null, fields, change.link(), OPEN_TASK);
    }

    static String label(TaskType type) {
        return switch (type) {
            case DOCUMENT_UPLOAD_REQUEST -> "Document upload";
            case BANK_FEED_CONNECTION_REQUEST -> "Bank feed connection";
            case CREDENTIAL_REQUEST -> "Credential request";
            case CUSTOM_REQUEST -> "Custom request";
        };
    }
}

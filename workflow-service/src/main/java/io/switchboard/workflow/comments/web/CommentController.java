package io.switchboard.workflow.comments.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.contracts.workflow.CommentTarget;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.comments.Comment;
import io.switchboard.workflow.comments.Comments;
import io.switchboard.workflow.comments.NewComment;
import io.switchboard.workflow.jobs.Job;
import io.switchboard.workflow.jobs.Jobs;
import io.switchboard.workflow.tasks.Task;
import io.switchboard.workflow.tasks.Tasks;
import io.switchboard.workflow.threads.PortalUsers;
import jakarta.validation.Valid;

/**
 * Comments with mentions on jobs and tasks: staff comment on both; a portal user comments on their
 * own client's tasks (another client's answers 404) and mentions the practice by role.
 */
@RestController
class CommentController {

    private static final String MENTIONS = "Mentions go beside the text as [{\"kind\":\"ROLE\",\"role\":\"accountant\"}, "
            + "{\"kind\":\"USER\",\"userId\":\"…\"}]; the text holds display tokens only. Each person reached gets one "
            + "switchboard.workflow.task.mention.v1 event; mentions that reached nobody are listed in unreached.";

    private final Comments comments;
    private final Jobs jobs;
    private final Tasks tasks;
    private final PortalUsers portalUsers;

    CommentController(Comments comments, Jobs jobs, Tasks tasks, PortalUsers portalUsers) {
        this.comments = comments;
        this.jobs = jobs;
        this.tasks = tasks;
        this.portalUsers = portalUsers;
    }

    @PostMapping("/jobs/{id}/comments")
    @PreAuthorize(WorkflowRoles.PRACTICE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on a job, mentioning roles or users", description = MENTIONS)
    Comment commentOnJob(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
        Tenant tenant = Tenant.current();
        return comments.post(tenant.practiceId(), job(tenant, id), staff(tenant), comment);
    }

    @GetMapping("/jobs/{id}/comments")
    @PreAuthorize(WorkflowRoles.PRACTICE)
    @Operation(summary = "A job's comments, oldest first, with the people each mention reached")
    List<Comment> jobComments(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        return comments.of(tenant.practiceId(), job(tenant, id));
    }

    @PostMapping("/tasks/{id}/comments")
    @PreAuthorize(WorkflowRoles.PRACTICE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on a task, mentioning roles or users", description = MENTIONS)
    Comment commentOnTask(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
        Tenant tenant = Tenant.current();
        return comments.post(tenant.practiceId(), task(tasks.get(tenant.practiceId(), id)), staff(tenant), comment);
    }

    @GetMapping("/tasks/{id}/comments")
    @PreAuthorize(WorkflowRoles.PRACTICE)
    @Operation(summary = "A task's comments, oldest first")
    List<Comment> taskComments(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        return comments.of(tenant.practiceId(), task(tasks.get(tenant.practiceId(), id)));
    }

    @PostMapping("/portal/tasks/{id}/comments")
    @PreAuthorize(WorkflowRoles.PORTAL)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on one of the caller's client's tasks, mentioning the practice by role",
            description = MENTIONS + " Portal users mention roles only.")
    Comment portalComment(@PathVariable UUID id, @Valid @RequestBody NewComment comment) {
        Tenant tenant = Tenant.current();
        Task task = tasks.getForClient(tenant.practiceId(), portalUsers.clientOfCaller(), id);
        return comments.post(tenant.practiceId(), task(task), new Comments.Author(tenant.userId(), ThreadParty.CLIENT),
                comment);
    }

    @GetMapping("/portal/tasks/{id}/comments")
    @PreAuthorize(WorkflowRoles.PORTAL)
    @Operation(summary = "The comments on one of the caller's client's tasks")
    List<Comment> portalComments(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        Task task = tasks.getForClient(tenant.practiceId(), portalUsers.clientOfCaller(), id);
        return comments.of(tenant.practiceId(), task(task));
    }

    private Comments.Target job(Tenant tenant, UUID jobId) {
        Job job = jobs.get(tenant.practiceId(), jobId);
        return new Comments.Target(CommentTarget.JOB, job.id(), job.clientId(), job.link());
    }

    private static Comments.Target task(Task task) {
        return new Comments.Target(CommentTarget.TASK, task.id(), task.clientId(), task.link());
    }

    private static Comments.Author staff(Tenant tenant) {
        return new Comments.Author(tenant.userId(), ThreadParty.PRACTICE);
    }
}

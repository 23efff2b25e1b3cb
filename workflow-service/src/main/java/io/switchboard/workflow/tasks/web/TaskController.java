package io.switchboard.workflow.tasks.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.contracts.workflow.TaskStatus;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.clients.Clients;
import io.switchboard.workflow.tasks.CredentialVault;
import io.switchboard.workflow.tasks.NewTask;
import io.switchboard.workflow.tasks.Task;
import io.switchboard.workflow.tasks.Tasks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Work tasks as the practice's staff see them: create, list, reassign, change status, download files, read credentials. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class TaskController {

    record Reassignment(@NotNull UUID assigneeUserId) {
    }

    record StatusChange(@NotNull TaskStatus status) {
    }

    /** A credential read through the vault; {@code toString} hides the secret. */
    record RevealedCredential(String username, String secret) {
        @Override
        public String toString() {
            return "RevealedCredential[secret=***]";
        }
    }

    private final Tasks tasks;
    private final Clients clients;

    TaskController(Tasks tasks, Clients clients) {
        this.tasks = tasks;
        this.clients = clients;
    }

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a work task for a client or on a job",
            description = "Without assigneeUserId the task goes to the client's (else the practice's) primary point of "
                    + "contact; BANK_STATEMENTS and ACCOUNTS_PAYABLE tasks also get the matching extra contact. A "
                    + "DOCUMENT_UPLOAD_REQUEST needs the folder its files are filed in. Publishes "
                    + "switchboard.workflow.task.assigned.v1.")
    Task create(@Valid @RequestBody NewTask task) {
        Tenant tenant = Tenant.current();
        return tasks.create(tenant.practiceId(), task, tenant.userId());
    }

    @GetMapping("/tasks")
    @Operation(summary = "The practice's tasks, newest first, filtered by client, job, status and assignee")
    List<Task> list(@RequestParam(name = "clientId", required = false) UUID clientId,
                    @RequestParam(name = "jobId", required = false) UUID jobId,
                    @RequestParam(name = "status", required = false) TaskStatus status,
                    @RequestParam(name = "assigneeUserId", required = false) UUID assigneeUserId) {
        UUID practiceId = Tenant.current().practiceId();
        if (clientId != null) {
            clients.requireActive(practiceId, clientId);
        }
        return tasks.list(practiceId, clientId, jobId, status, assigneeUserId);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "A task with its documents and the client's responses")
    Task get(@PathVariable UUID id) {
        return tasks.get(Tenant.current().practiceId(), id);
    }

    @PutMapping("/tasks/{id}/assignee")
    @Operation(summary = "Reassign a task", description = "Publishes switchboard.workflow.task.assigned.v1 with the previous assignee.")
    Task reassign(@PathVariable UUID id, @Valid @RequestBody Reassignment reassignment) {
        Tenant tenant = Tenant.current();
        return tasks.reassign(tenant.practiceId(), id, reassignment.assigneeUserId(), tenant.userId());
    }

    @PostMapping("/tasks/{id}/status")
    @Operation(summary = "Start, complete or cancel a task",
            description = "Completing a document upload request files its documents in the task's folder. Publishes "
                    + "switchboard.workflow.task.status.changed.v1; a completed or cancelled task answers 409.")
    Task status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        Tenant tenant = Tenant.current();
        return tasks.changeStatus(tenant.practiceId(), id, change.status(), tenant.userId());
    }

    @GetMapping("/tasks/{id}/documents/{documentId}")
    @Operation(summary = "Download a document of a task")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        return Downloads.of(tasks.openDocument(Tenant.current().practiceId(), id, documentId));
    }

    @PostMapping("/tasks/{id}/credential/reveal")
    @Operation(summary = "Read the credential the client submitted (practice admins and the task's assignee only)",
            description = "Read through integration-service's vault; every read is recorded with who and when.")
    ResponseEntity<RevealedCredential> reveal(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        CredentialVault.StoredSecret secret = tasks.revealCredential(tenant.practiceId(), id, tenant);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RevealedCredential(secret.username(), secret.secret()));
    }

    @GetMapping("/tasks/{id}/credential/accesses")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Who read a task's credential and when (practice admins)")
    List<Tasks.CredentialAccess> accesses(@PathVariable UUID id) {
        return tasks.credentialAccesses(Tenant.current().practiceId(), id);
    }
}

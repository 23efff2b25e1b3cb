package io.switchboard.workflow.tasks.web;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.tasks.Task;
import io.switchboard.workflow.tasks.Tasks;
import io.switchboard.workflow.tasks.Upload;
import io.switchboard.workflow.threads.PortalUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The client portal's side of work tasks: a portal user sees and answers only their own client's
 * tasks (another client's task answers 404).
 */
@RestController
@PreAuthorize(WorkflowRoles.PORTAL)
class PortalTaskController {

    record BankFeedConnected(@NotBlank @Size(max = 200) String bankName) {
    }

    /** A submitted credential; {@code toString} hides the secret so it cannot reach a log by accident. */
    record CredentialSubmission(@Size(max = 300) String username, @NotBlank @Size(max = 4000) String secret) {
        @Override
        public String toString() {
            return "CredentialSubmission[secret=***]";
        }
    }

    record TextResponse(@NotBlank @Size(max = 20_000) String text) {
    }

    private final Tasks tasks;
    private final PortalUsers portalUsers;

    PortalTaskController(Tasks tasks, PortalUsers portalUsers) {
        this.tasks = tasks;
        this.portalUsers = portalUsers;
    }

    @GetMapping("/portal/tasks")
    @Operation(summary = "The caller's client's tasks, newest first")
    List<Task> list() {
        return tasks.list(Tenant.current().practiceId(), portalUsers.clientOfCaller(), null, null, null);
    }

    @GetMapping("/portal/tasks/{id}")
    @Operation(summary = "One of the caller's client's tasks")
    Task get(@PathVariable UUID id) {
        return tasks.getForClient(Tenant.current().practiceId(), portalUsers.clientOfCaller(), id);
    }

    @PostMapping(path = "/portal/tasks/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload files (multipart, field \"files\") to a document upload or custom request",
            description = "Up to 10 files, each within the configured size (413 otherwise) and of an accepted kind "
                    + "(PDF, images, spreadsheets, documents, CSV, bank exports; 415 otherwise); a refused upload "
                    + "stores nothing. Publishes switchboard.workflow.task.responded.v1.")
    Task upload(@PathVariable UUID id, @RequestParam(name = "files") List<MultipartFile> files) {
        Tenant tenant = Tenant.current();
        List<Upload> uploads = files.stream().map(file -> new Upload(file.getOriginalFilename(),
                file.getContentType(), file.getSize(), file::getInputStream)).toList();
        return tasks.upload(tenant.practiceId(), portalUsers.clientOfCaller(), id, uploads, tenant.userId());
    }

    @GetMapping("/portal/tasks/{id}/documents/{documentId}")
    @Operation(summary = "Download a document of one of the caller's client's tasks")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        Tenant tenant = Tenant.current();
        tasks.getForClient(tenant.practiceId(), portalUsers.clientOfCaller(), id);
        return Downloads.of(tasks.openDocument(tenant.practiceId(), id, documentId));
    }

    @PostMapping("/portal/tasks/{id}/bank-feed")
    @Operation(summary = "Report the bank feed connected; completes the request",
            description = "Publishes switchboard.workflow.task.responded.v1 and switchboard.workflow.task.status.changed.v1.")
    Task bankFeed(@PathVariable UUID id, @Valid @RequestBody BankFeedConnected connected) {
        Tenant tenant = Tenant.current();
        return tasks.connectBankFeed(tenant.practiceId(), portalUsers.clientOfCaller(), id, connected.bankName(),
                tenant.userId());
    }

    @PostMapping("/portal/tasks/{id}/credential")
    @Operation(summary = "Submit the requested credential; completes the request",
            description = "The secret goes to the vault; the task keeps only a reference and no response or event carries it.")
    Task credential(@PathVariable UUID id, @Valid @RequestBody CredentialSubmission submission) {
        Tenant tenant = Tenant.current();
        return tasks.submitCredential(tenant.practiceId(), portalUsers.clientOfCaller(), id, submission.username(),
                submission.secret(), tenant.userId());
    }

    @PostMapping("/portal/tasks/{id}/response")
    @Operation(summary = "Answer a custom request in text")
    Task respond(@PathVariable UUID id, @Valid @RequestBody TextResponse response) {
        Tenant tenant = Tenant.current();
        return tasks.respond(tenant.practiceId(), portalUsers.clientOfCaller(), id, response.text(), tenant.userId());
    }

    @PostMapping("/portal/tasks/{id}/complete")
    @Operation(summary = "Complete a document upload or custom request",
            description = "A document upload request's files are then filed in its folder. Publishes "
                    + "switchboard.workflow.task.status.changed.v1.")
    Task complete(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        return tasks.completeByClient(tenant.practiceId(), portalUsers.clientOfCaller(), id, tenant.userId());
    }
}

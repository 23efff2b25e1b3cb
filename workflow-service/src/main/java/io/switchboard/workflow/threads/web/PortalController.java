package io.switchboard.workflow.threads.web;

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
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.threads.ChatThread;
import io.switchboard.workflow.threads.NewMessage;
import io.switchboard.workflow.threads.PortalUsers;
import io.switchboard.workflow.threads.ThreadSummary;
import io.switchboard.workflow.threads.Threads;
import io.switchboard.workflow.threads.TodoItem;
import jakarta.validation.Valid;

/**
 * The client portal's side of chat threads: a portal user sees only their own client's threads
 * (another client's thread answers 404), replies, and checks to-dos off.
 */
@RestController
@PreAuthorize(WorkflowRoles.PORTAL)
class PortalController {

    private final Threads threads;
    private final PortalUsers portalUsers;

    PortalController(Threads threads, PortalUsers portalUsers) {
        this.threads = threads;
        this.portalUsers = portalUsers;
    }

    @GetMapping("/portal/threads")
    @Operation(summary = "The caller's client's threads, most recently active first")
    List<ThreadSummary> list() {
        return threads.ofClient(Tenant.current().practiceId(), portalUsers.clientOfCaller());
    }

    @GetMapping("/portal/threads/{id}")
    @Operation(summary = "One of the caller's client's threads with its messages and to-do list")
    ChatThread get(@PathVariable UUID id) {
        return threads.getForClient(Tenant.current().practiceId(), portalUsers.clientOfCaller(), id);
    }

    @PostMapping("/portal/threads/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply in a thread (no to-dos from the client side)")
    ChatThread reply(@PathVariable UUID id, @Valid @RequestBody NewMessage message) {
        Tenant tenant = Tenant.current();
        UUID clientId = portalUsers.clientOfCaller();
        threads.getForClient(tenant.practiceId(), clientId, id);
        threads.post(tenant.practiceId(), id, new Threads.Author(tenant.userId(), ThreadParty.CLIENT, false),
                message.body(), message.todos());
        return threads.getForClient(tenant.practiceId(), clientId, id);
    }

    @PostMapping("/portal/threads/{id}/todos/{todoId}/done")
    @Operation(summary = "Check a to-do off; checking it again changes nothing",
            description = "When every to-do of every thread linked to a job in an automove stage is done, the job "
                    + "moves to the next stage (switchboard.workflow.job.moved.v1, reason AUTOMOVE).")
    TodoItem checkOff(@PathVariable UUID id, @PathVariable UUID todoId) {
        Tenant tenant = Tenant.current();
        return threads.checkOff(tenant.practiceId(), portalUsers.clientOfCaller(), id, todoId, tenant.userId());
    }
}

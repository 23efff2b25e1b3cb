package io.switchboard.workflow.threads.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.contracts.workflow.ThreadParty;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.clients.Clients;
import io.switchboard.workflow.threads.ChatThread;
import io.switchboard.workflow.threads.NewMessage;
import io.switchboard.workflow.threads.NewPortalUser;
import io.switchboard.workflow.threads.NewThread;
import io.switchboard.workflow.threads.PortalUser;
import io.switchboard.workflow.threads.PortalUsers;
import io.switchboard.workflow.threads.ThreadSummary;
import io.switchboard.workflow.threads.Threads;
import jakarta.validation.Valid;

/** Client chat threads and portal users, as the practice's staff see them. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class ThreadController {

    private final Threads threads;
    private final PortalUsers portalUsers;
    private final Clients clients;

    ThreadController(Threads threads, PortalUsers portalUsers, Clients clients) {
        this.clients = clients;
        this.threads = threads;
        this.portalUsers = portalUsers;
    }

    @PostMapping("/threads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a thread with a client with a first message and optional to-dos",
            description = "Publishes switchboard.workflow.thread.message.posted.v1 with the client's portal users as recipients.")
    ChatThread start(@Valid @RequestBody NewThread thread) {
        Tenant tenant = Tenant.current();
        return threads.start(tenant.practiceId(), thread, tenant.userId());
    }

    @GetMapping("/threads")
    @Operation(summary = "A client's threads, most recently active first, with their to-do counts")
    List<ThreadSummary> list(@RequestParam(name = "clientId") UUID clientId) {
        UUID practiceId = Tenant.current().practiceId();
        clients.requireActive(practiceId, clientId);
        return threads.ofClient(practiceId, clientId);
    }

    @GetMapping("/threads/{id}")
    @Operation(summary = "A thread with its messages, to-do list and linked jobs")
    ChatThread get(@PathVariable UUID id) {
        return threads.get(Tenant.current().practiceId(), id);
    }

    @PostMapping("/threads/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message; its to-dos extend the thread's to-do list",
            description = "Publishes switchboard.workflow.thread.message.posted.v1.")
    ChatThread post(@PathVariable UUID id, @Valid @RequestBody NewMessage message) {
        Tenant tenant = Tenant.current();
        threads.post(tenant.practiceId(), id, new Threads.Author(tenant.userId(), ThreadParty.PRACTICE, false),
                message.body(), message.todos());
        return threads.get(tenant.practiceId(), id);
    }

    @PostMapping("/clients/{clientId}/portal-users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a portal user (the subject of their CLIENT token) for a client")
    PortalUser registerPortalUser(@PathVariable UUID clientId, @Valid @RequestBody NewPortalUser user) {
        return portalUsers.register(Tenant.current().practiceId(), clientId, user);
    }

    @GetMapping("/clients/{clientId}/portal-users")
    @Operation(summary = "A client's portal users")
    List<PortalUser> portalUsers(@PathVariable UUID clientId) {
        UUID practiceId = Tenant.current().practiceId();
        clients.requireActive(practiceId, clientId);
        return portalUsers.ofClient(practiceId, clientId);
    }
}

package io.switchboard.workflow.contacts.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.clients.Clients;
import io.switchboard.workflow.contacts.ContactSettings;
import io.switchboard.workflow.contacts.PointsOfContact;
import io.switchboard.workflow.contacts.RoleAssignments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Points of contact and mentionable roles: admins set them, staff read them. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class ContactsController {

    /** The people a role stands for; replaces the previous set. */
    record RolePeople(@NotNull @Size(max = 50) List<@NotNull UUID> userIds) {
    }

    private final PointsOfContact contacts;
    private final RoleAssignments roles;
    private final Clients clients;

    ContactsController(PointsOfContact contacts, RoleAssignments roles, Clients clients) {
        this.clients = clients;
        this.contacts = contacts;
        this.roles = roles;
    }

    @PutMapping("/settings/points-of-contact")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Set the practice's primary point of contact and the bank-statement / accounts-payable extra contacts",
            description = "New tasks are assigned to the primary contact unless the request names an assignee; "
                    + "BANK_STATEMENTS and ACCOUNTS_PAYABLE tasks also get the matching extra contact.")
    ContactSettings setPractice(@Valid @RequestBody ContactSettings settings) {
        Tenant tenant = Tenant.current();
        return contacts.setForPractice(tenant.practiceId(), settings, tenant.userId());
    }

    @GetMapping("/settings/points-of-contact")
    @Operation(summary = "The practice's points of contact")
    ContactSettings practice() {
        return contacts.ofPractice(Tenant.current().practiceId());
    }

    @PutMapping("/clients/{clientId}/points-of-contact")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Override the points of contact for one client; a null field falls back to the practice's")
    ContactSettings setClient(@PathVariable UUID clientId, @Valid @RequestBody ContactSettings settings) {
        Tenant tenant = Tenant.current();
        return contacts.setForClient(tenant.practiceId(), clientId, settings, tenant.userId());
    }

    @GetMapping("/clients/{clientId}/points-of-contact")
    @Operation(summary = "A client's own point-of-contact overrides")
    ContactSettings client(@PathVariable UUID clientId) {
        UUID practiceId = Tenant.current().practiceId();
        clients.requireActive(practiceId, clientId);
        return contacts.overridesOf(practiceId, clientId);
    }

    @PutMapping("/role-assignments/{role}")
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Set the people behind a mentionable role such as accountant or deployment",
            description = "A comment mentioning @role notifies each of them.")
    List<UUID> assign(@PathVariable String role, @Valid @RequestBody RolePeople people) {
        Tenant tenant = Tenant.current();
        return roles.assign(tenant.practiceId(), role, people.userIds(), tenant.userId());
    }

    @GetMapping("/role-assignments")
    @Operation(summary = "Every mentionable role of the practice with its people")
    Map<String, List<UUID>> roles() {
        return roles.all(Tenant.current().practiceId());
    }
}

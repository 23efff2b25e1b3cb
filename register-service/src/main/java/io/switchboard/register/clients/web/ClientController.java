package io.switchboard.register.clients.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.register.PracticeStaff;
import io.switchboard.register.clients.ClientChanges;
import io.switchboard.register.clients.ClientDetails;
import io.switchboard.register.clients.ClientSummary;
import io.switchboard.register.clients.Clients;
import io.switchboard.register.clients.Contact;
import io.switchboard.register.clients.ContactChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The practice's clients and their contacts over HTTP. */
@RestController
@PreAuthorize(PracticeStaff.ONLY)
class ClientController {

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/clients")
    @Operation(summary = "Search the practice's clients by name or email, their contacts' included (at most 200, by name)")
    List<ClientSummary> search(@RequestParam(name = "q", required = false) @Size(max = 200) String query,
                               @RequestParam(name = "familyGroupId", required = false) UUID familyGroupId) {
        return clients.search(query, familyGroupId);
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a client, optionally in a family group")
    ClientDetails create(@Valid @RequestBody ClientChanges client) {
        return clients.create(client);
    }

    @GetMapping("/clients/{id}")
    @Operation(summary = "A client with its family group and contacts")
    ClientDetails get(@PathVariable UUID id) {
        return clients.get(id);
    }

    @PutMapping("/clients/{id}")
    @Operation(summary = "Replace a client's fields")
    ClientDetails update(@PathVariable UUID id, @Valid @RequestBody ClientChanges client) {
        return clients.update(id, client);
    }

    @GetMapping("/clients/{id}/contacts")
    @Operation(summary = "A client's contacts, by name")
    List<Contact> contacts(@PathVariable UUID id) {
        clients.find(id).orElseThrow(() -> new io.switchboard.platform.web.NotFoundException("client", id));
        return clients.contacts(id);
    }

    @PostMapping("/clients/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact (name, email, phone, position) to a client")
    Contact addContact(@PathVariable UUID id, @Valid @RequestBody ContactChanges contact) {
        return clients.addContact(id, contact);
    }

    @PutMapping("/clients/{id}/contacts/{contactId}")
    @Operation(summary = "Replace a contact's fields")
    Contact updateContact(@PathVariable UUID id, @PathVariable UUID contactId, @Valid @RequestBody ContactChanges contact) {
        return clients.updateContact(id, contactId, contact);
    }

    @DeleteMapping("/clients/{id}/contacts/{contactId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a contact from a client")
    void removeContact(@PathVariable UUID id, @PathVariable UUID contactId) {
        clients.removeContact(id, contactId);
    }
}

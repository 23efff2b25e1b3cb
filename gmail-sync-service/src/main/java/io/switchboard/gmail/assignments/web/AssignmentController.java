package io.switchboard.gmail.assignments.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.google.api.services.gmail.model.Message;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.contracts.gmail.EmailAddress;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.access.MessageNotFoundException;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.gmail.assignments.MessageParser;
import io.switchboard.gmail.clients.ClientDirectory;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The add-on panel's calls about the message open in Gmail (G1, G2, G6). Message ids are Gmail's ids
 * in the caller's own mailbox.
 */
@RestController
@Validated
@PreAuthorize(GmailAccess.STAFF_ONLY)
@Tag(name = "Messages", description = "Assign the open Gmail message to clients, suggestions, status")
class AssignmentController {

    /** Gmail message ids are hex; anything else is refused before Gmail is asked. */
    static final String MESSAGE_ID = "[A-Za-z0-9_-]{1,64}";

    record AssignRequest(@NotNull UUID clientId) {
    }

    record Suggestion(UUID clientId, String displayName, String matchedEmail, ClientDirectory.ContactView contact) {
    }

    record Suggestions(EmailAddress from, List<Suggestion> suggestions) {
    }

    record Status(String gmailMessageId, List<Assignments.Assignment> assignments) {
    }

    private final Assignments assignments;
    private final GmailAccess gmail;
    private final ClientDirectory directory;

    AssignmentController(Assignments assignments, GmailAccess gmail, ClientDirectory directory) {
        this.assignments = assignments;
        this.gmail = gmail;
        this.directory = directory;
    }

    @PostMapping("/messages/{messageId}/assignments")
    @Operation(summary = "File the message against a client (an email-in entry in the register)",
            description = "201 with the new link. The same message and client again is a no-op answering 200 with"
                    + " the existing link and publishing nothing. Several clients: one link (and entry) each.")
    ResponseEntity<Assignments.Assignment> assign(@PathVariable @Pattern(regexp = MESSAGE_ID) String messageId,
                                                  @Valid @RequestBody AssignRequest request) {
        Tenant tenant = Tenant.current();
        Assignments.Filed filed = assignments.assign(tenant.practiceId(), tenant.userId(), messageId, request.clientId());
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filed.assignment());
    }

    @DeleteMapping("/messages/{messageId}/assignments/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the link to a client; the register deletes the entry")
    void unassign(@PathVariable @Pattern(regexp = MESSAGE_ID) String messageId, @PathVariable UUID clientId) {
        Tenant tenant = Tenant.current();
        assignments.unassign(tenant.practiceId(), tenant.userId(), messageId, clientId);
    }

    @GetMapping("/messages/{messageId}/suggestions")
    @Operation(summary = "Clients whose email or a contact's email is the sender's address")
    Suggestions suggestions(@PathVariable @Pattern(regexp = MESSAGE_ID) String messageId) {
        Tenant tenant = Tenant.current();
        Message message = gmail.call(tenant.practiceId(), tenant.userId(), g -> g.users().messages().get("me", messageId)
                .setFormat("metadata").setMetadataHeaders(List.of("From")).execute());
        EmailAddress from = MessageParser.sender(message).orElse(null);
        List<Suggestion> suggestions = from == null ? List.of()
                : directory.matching(tenant.practiceId(), from.address()).stream()
                .map(m -> new Suggestion(m.clientId(), m.displayName(), m.matchedEmail(), m.contact())).toList();
        return new Suggestions(from, suggestions);
    }

    @GetMapping("/messages/{messageId}/status")
    @Operation(summary = "Which clients the message is filed against, with each entry's link",
            description = "404 when the message is neither filed in the practice nor in the caller's mailbox.")
    Status status(@PathVariable @Pattern(regexp = MESSAGE_ID) String messageId) {
        Tenant tenant = Tenant.current();
        gmail.requireUsable(tenant.practiceId(), tenant.userId());
        List<Assignments.Assignment> links = assignments.of(tenant.practiceId(), messageId);
        if (links.isEmpty()) {
            // Not filed here: it must at least be a message of the caller's mailbox, else it is someone else's.
            Message message = gmail.call(tenant.practiceId(), tenant.userId(),
                    g -> g.users().messages().get("me", messageId).setFormat("minimal").execute());
            if (message == null) {
                throw new MessageNotFoundException("Gmail message", messageId);
            }
        }
        return new Status(messageId, links);
    }
}

package io.switchboard.gmail.compose.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.clients.ClientDirectory;
import io.switchboard.gmail.compose.Compose;
import io.switchboard.gmail.compose.RegisterTemplates;
import io.switchboard.platform.correlation.Correlation;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** The compose helper of the add-on panel (G3) and sending through the user's Gmail (G3, G4). */
@RestController
@Validated
@PreAuthorize(GmailAccess.STAFF_ONLY)
@Tag(name = "Compose", description = "Contacts and templates for a new email; send it through Gmail and file it")
class ComposeController {

    record ComposeContext(ClientDirectory.ClientView client, List<ClientDirectory.ContactView> contacts,
                          boolean templatesAvailable, JsonNode templates) {
    }

    record RenderRequest(@NotNull UUID clientId) {
    }

    record AttachmentLink(@NotBlank @Size(max = 300) String name,
                          @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url) {
    }

    record SendRequest(
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Email @Size(max = 320) String> to,
            @Size(max = 50) List<@NotBlank @Email @Size(max = 320) String> cc,
            @NotBlank @Size(max = 998) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String subject,
            @NotBlank @Size(max = 500_000) String html,
            @Size(max = 500_000) String text,
            UUID clientId,
            @Schema(description = "File the sent email in the register as an email-out entry; false when absent")
            Boolean fileInRegister,
            @Size(max = 20) List<@Valid AttachmentLink> attachments) {

        boolean filing() {
            return Boolean.TRUE.equals(fileInRegister);
        }
    }

    private final Compose compose;
    private final RegisterTemplates templates;
    private final GmailAccess gmail;

    ComposeController(Compose compose, RegisterTemplates templates, GmailAccess gmail) {
        this.compose = compose;
        this.templates = templates;
        this.gmail = gmail;
    }

    @GetMapping("/compose/context")
    @Operation(summary = "The client's contacts (to fill the address) and the register's email templates",
            description = "Templates come from register-service with the caller's own token; when it cannot be"
                    + " reached, templatesAvailable is false and the contacts still come.")
    ComposeContext context(@RequestParam UUID clientId) {
        Tenant tenant = Tenant.current();
        gmail.requireUsable(tenant.practiceId(), tenant.userId());
        ClientDirectory.ClientView client = compose.client(tenant.practiceId(), clientId);
        var list = templates.list();
        return new ComposeContext(client, compose.contacts(tenant.practiceId(), clientId), list.isPresent(),
                list.orElse(null));
    }

    @PostMapping("/compose/templates/{templateId}/render")
    @Operation(summary = "A register template rendered for the client (subject, HTML body, attachment links)")
    JsonNode render(@PathVariable UUID templateId, @Valid @RequestBody RenderRequest request) {
        Tenant tenant = Tenant.current();
        gmail.requireUsable(tenant.practiceId(), tenant.userId());
        return templates.render(templateId, request.clientId());
    }

    @PostMapping("/compose/send")
    @Operation(summary = "Send through the caller's Gmail (From = their Gmail address); file it as an email-out"
            + " entry when fileInRegister is true (clientId required then)")
    ResponseEntity<Compose.Sent> send(@Valid @RequestBody SendRequest request) {
        Tenant tenant = Tenant.current();
        Compose.Sent sent = compose.send(tenant.practiceId(), tenant.userId(), new Compose.Outgoing(request.to(),
                request.cc() == null ? List.of() : request.cc(), request.subject(), request.html(), request.text(),
                request.clientId(), request.filing(), links(request.attachments())));
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }

    private static List<Compose.Link> links(List<AttachmentLink> attachments) {
        List<Compose.Link> links = new ArrayList<>();
        if (attachments != null) {
            attachments.forEach(a -> links.add(new Compose.Link(a.name(), a.url())));
        }
        return links;
    }

    /** The register's templates could not be reached: 503, nothing sent. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ComposeProblems {
        @ExceptionHandler(RegisterTemplates.TemplatesUnavailable.class)
        ResponseEntity<ProblemDetail> unavailable(RegisterTemplates.TemplatesUnavailable e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setType(URI.create("https://switchboard.io/problems/register-unavailable"));
            problem.setProperty("correlationId", Correlation.correlationId());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}

package io.switchboard.workflow.templates.web;

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
import io.switchboard.platform.security.Tenant;
import io.switchboard.workflow.WorkflowRoles;
import io.switchboard.workflow.templates.MessageTemplate;
import io.switchboard.workflow.templates.MessageTemplates;
import io.switchboard.workflow.templates.TemplateChanges;
import jakarta.validation.Valid;

/** Chat message templates over HTTP: admins write them, staff read them. */
@RestController
@PreAuthorize(WorkflowRoles.PRACTICE)
class MessageTemplateController {

    private final MessageTemplates templates;

    MessageTemplateController(MessageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/message-templates")
    @Operation(summary = "The practice's chat message templates, by name")
    List<MessageTemplate> list() {
        return templates.list(Tenant.current().practiceId());
    }

    @GetMapping("/message-templates/{id}")
    @Operation(summary = "A chat message template with its to-do items")
    MessageTemplate get(@PathVariable UUID id) {
        return templates.get(Tenant.current().practiceId(), id);
    }

    @PostMapping("/message-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WorkflowRoles.ADMIN)
    @Operation(summary = "Create a chat message template (admins); a duplicate name is refused with 409")
    MessageTemplate create(@Valid @RequestBody TemplateChanges template) {
        return templates.create(Tenant.current().practiceId(), template);
    }
}

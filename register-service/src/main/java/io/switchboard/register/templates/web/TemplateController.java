package io.switchboard.register.templates.web;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.register.PracticeStaff;
import io.switchboard.register.templates.EmailTemplate;
import io.switchboard.register.templates.EmailTemplates;
import io.switchboard.register.templates.RenderRequest;
import io.switchboard.register.templates.RenderedEmail;
import io.switchboard.register.templates.TemplateChanges;
import jakarta.validation.Valid;

/** Email templates over HTTP: practice admins write them, everyone reads and renders them. */
@RestController
@PreAuthorize(PracticeStaff.ONLY)
class TemplateController {

    private final EmailTemplates templates;

    TemplateController(EmailTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/templates")
    @Operation(summary = "The practice's email templates, by name")
    List<EmailTemplate> list() {
        return templates.list();
    }

    @GetMapping("/templates/{id}")
    @Operation(summary = "An email template with the placeholders it uses")
    EmailTemplate get(@PathVariable UUID id) {
        return templates.get(id);
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Create an email template (admins); unknown placeholders are refused with 400")
    EmailTemplate create(@Valid @RequestBody TemplateChanges template) {
        return templates.create(template);
    }

    @PutMapping("/templates/{id}")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Replace an email template (admins)")
    EmailTemplate update(@PathVariable UUID id, @Valid @RequestBody TemplateChanges template) {
        return templates.update(id, template);
    }

    @DeleteMapping("/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Delete an email template (admins)")
    void delete(@PathVariable UUID id) {
        templates.delete(id);
    }

    @PostMapping("/templates/{id}/render")
    @Operation(summary = "Render a template's subject and HTML body for a client, values HTML-escaped in the body")
    RenderedEmail render(@PathVariable UUID id, @Valid @RequestBody RenderRequest request) {
        return templates.render(id, request);
    }
}

package io.switchboard.gmail.sync.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.gmail.access.GmailAccess;
import io.switchboard.gmail.assignments.Assignments;
import io.switchboard.gmail.sync.FilingSettings;
import io.switchboard.gmail.sync.Proposals;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Sync proposals for the caller's mailbox and the practice's auto-file setting (G5). */
@RestController
@PreAuthorize(GmailAccess.STAFF_ONLY)
@Tag(name = "Sync", description = "Proposals from the opt-in sync, and the practice's auto-file setting")
class SyncController {

    record SettingsRequest(@NotNull Boolean autoFile) {
    }

    private final Proposals proposals;
    private final FilingSettings settings;
    private final GmailAccess gmail;

    SyncController(Proposals proposals, FilingSettings settings, GmailAccess gmail) {
        this.proposals = proposals;
        this.settings = settings;
        this.gmail = gmail;
    }

    @GetMapping("/proposals")
    @Operation(summary = "New mail from known client contacts in the caller's mailbox, proposed for filing")
    List<Proposals.Proposal> proposals() {
        Tenant tenant = Tenant.current();
        gmail.requireUsable(tenant.practiceId(), tenant.userId());
        return proposals.open(tenant.practiceId(), tenant.userId());
    }

    @PostMapping("/proposals/{id}/accept")
    @Operation(summary = "File the proposed message against the proposed client")
    ResponseEntity<Assignments.Assignment> accept(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        Assignments.Filed filed = proposals.accept(tenant.practiceId(), tenant.userId(), id);
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filed.assignment());
    }

    @DeleteMapping("/proposals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Dismiss a proposal")
    void dismiss(@PathVariable UUID id) {
        Tenant tenant = Tenant.current();
        gmail.requireUsable(tenant.practiceId(), tenant.userId());
        proposals.dismiss(tenant.practiceId(), tenant.userId(), id);
    }

    @GetMapping("/settings")
    @Operation(summary = "The practice's filing settings")
    FilingSettings.Settings settings() {
        return settings.get(Tenant.current().practiceId());
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Set whether synced mail from a known client contact is filed automatically (admins)")
    FilingSettings.Settings put(@Valid @RequestBody SettingsRequest request) {
        Tenant tenant = Tenant.current();
        return settings.put(tenant.practiceId(), tenant.userId(), request.autoFile());
    }
}

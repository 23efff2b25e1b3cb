package io.switchboard.register.correspondence.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.switchboard.register.PracticeStaff;
import io.switchboard.contracts.register.CorrespondenceType;
import io.switchboard.register.correspondence.Correspondence;
import io.switchboard.register.correspondence.EntryActioned;
import io.switchboard.register.correspondence.EntryFilter;
import io.switchboard.register.correspondence.EntryPage;
import io.switchboard.register.correspondence.EntryShare;
import io.switchboard.register.correspondence.EntryView;
import io.switchboard.register.correspondence.NewEntry;
import io.switchboard.register.correspondence.ShareRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Correspondence entries over HTTP. */
@RestController
@PreAuthorize(PracticeStaff.ONLY)
class EntryController {

    private final Correspondence correspondence;

    EntryController(Correspondence correspondence) {
        this.correspondence = correspondence;
    }

    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a correspondence entry by the caller, optionally sharing it at once",
            description = "Publishes switchboard.register.correspondence.recorded.v1 with the share targets asked for.")
    EntryView record(@Valid @RequestBody NewEntry entry) {
        return correspondence.record(entry);
    }

    @GetMapping("/entries")
    @Operation(summary = "List entries, newest first, filtered by client, family group, type, recipient, dates and text")
    EntryPage list(@RequestParam(name = "clientId", required = false) UUID clientId,
                   @RequestParam(name = "familyGroupId", required = false) UUID familyGroupId,
                   @RequestParam(name = "type", required = false) CorrespondenceType type,
                   @RequestParam(name = "recipientUserId", required = false) UUID recipientUserId,
                   @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(name = "text", required = false) @Size(max = 200) String text,
                   @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                   @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(Correspondence.MAX_PAGE_SIZE) int size) {
        return correspondence.list(new EntryFilter(clientId, familyGroupId, type, recipientUserId, from, to, text),
                page, size);
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "An entry with its details, shares and per-target delivery status (the Record Summary)")
    EntryView get(@PathVariable UUID id) {
        return correspondence.get(id);
    }

    @PostMapping("/entries/{id}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Share an entry to more targets",
            description = "Publishes switchboard.register.correspondence.shared.v1; the notifier picks the channels.")
    EntryShare share(@PathVariable UUID id, @Valid @RequestBody ShareRequest share) {
        return correspondence.share(id, share);
    }

    @PostMapping("/entries/{id}/actioned")
    @Operation(summary = "Mark an entry as actioned by the caller (idempotent)",
            description = "Records who actioned the entry and when, via APP, and publishes "
                    + "switchboard.register.correspondence.actioned.v1 the first time. Marking an actioned entry again "
                    + "answers 200 with who actioned it first and publishes nothing. No request body.")
    @ApiResponse(responseCode = "200", description = "Who actioned the entry, when and where",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryActioned.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Not a staff user or admin of a practice", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such entry in the caller's practice, or it was deleted",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    EntryActioned markActioned(@PathVariable UUID id) {
        return correspondence.markActioned(id);
    }

    @DeleteMapping("/entries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an entry", description = "Publishes switchboard.register.correspondence.deleted.v1.")
    void delete(@PathVariable UUID id) {
        correspondence.delete(id);
    }

    @GetMapping("/family-groups/{id}/correspondence")
    @Operation(summary = "Every entry of a family group's clients, emails included, newest first")
    EntryPage forFamilyGroup(@PathVariable UUID id,
                             @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                             @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(Correspondence.MAX_PAGE_SIZE) int size) {
        return correspondence.forFamilyGroup(id, page, size);
    }
}

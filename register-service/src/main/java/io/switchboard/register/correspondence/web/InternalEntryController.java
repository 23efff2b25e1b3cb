package io.switchboard.register.correspondence.web;

import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.switchboard.register.correspondence.ActionedRequest;
import io.switchboard.register.correspondence.Correspondence;
import io.switchboard.register.correspondence.EntryActioned;
import jakarta.validation.Valid;

/**
 * Entries for other services (scope {@code internal}): integration-service marks an entry actioned for the staff
 * user who pressed the button on its Slack message. The token speaks for no practice, so the path names it.
 */
@RestController
class InternalEntryController {

    private final Correspondence correspondence;

    InternalEntryController(Correspondence correspondence) {
        this.correspondence = correspondence;
    }

    @PostMapping("/internal/practices/{practiceId}/entries/{id}/actioned")
    @Operation(summary = "Mark an entry as actioned for a staff user (scope internal, idempotent)",
            description = "As POST /entries/{id}/actioned, for the user and channel the body names; publishes "
                    + "switchboard.register.correspondence.actioned.v1 the first time only.")
    @ApiResponse(responseCode = "200", description = "Who actioned the entry, when and where (the first marking)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryActioned.class)))
    @ApiResponse(responseCode = "400", description = "Missing or invalid fields", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks scope internal", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such entry in that practice, or it was deleted",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    EntryActioned markActioned(@PathVariable UUID practiceId, @PathVariable UUID id,
                               @Valid @RequestBody ActionedRequest request) {
        return correspondence.markActioned(practiceId, id, request.actionedByUserId(), request.via());
    }
}

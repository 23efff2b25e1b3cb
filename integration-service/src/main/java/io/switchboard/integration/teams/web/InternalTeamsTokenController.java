package io.switchboard.integration.teams.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.integration.teams.TeamsConnections;
import io.switchboard.integration.teams.TeamsUserToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The one way a user's Microsoft token leaves the vault: to a service holding scope {@code internal} (the notifier). */
@RestController
class InternalTeamsTokenController {

    private static final Logger log = LoggerFactory.getLogger(InternalTeamsTokenController.class);

    private final TeamsConnections connections;

    InternalTeamsTokenController(TeamsConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/internal/practices/{practiceId}/users/{userId}/connections/teams/token")
    @Operation(summary = "A user's delegated Graph token (scope internal), refreshed when near expiry or asked to;"
            + " 404 PROVIDER_DISCONNECTED / USER_NOT_CONNECTED, 409 CONNECTION_NEEDS_REAUTH")
    TeamsUserToken token(@PathVariable UUID practiceId, @PathVariable UUID userId,
                         @RequestParam(defaultValue = "false") boolean refresh, @AuthenticationPrincipal Jwt caller) {
        TeamsUserToken token = connections.token(practiceId, userId, refresh);
        log.info("Teams token of user {} of practice {} handed to {}", userId, practiceId, caller.getSubject());
        return token;
    }

    @PostMapping("/internal/practices/{practiceId}/users/{userId}/connections/teams/rejected")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Graph refused this user's token even after a refresh (scope internal): mark it broken (P8)")
    void rejected(@PathVariable UUID practiceId, @PathVariable UUID userId, @Valid @RequestBody Rejection rejection) {
        connections.rejected(practiceId, userId, rejection.reason());
    }

    record Rejection(@Size(max = 300) String reason) {
    }
}

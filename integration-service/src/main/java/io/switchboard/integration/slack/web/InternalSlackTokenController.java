package io.switchboard.integration.slack.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.integration.slack.SlackBotCredentials;
import io.switchboard.integration.slack.SlackConnections;

/** The one way a token leaves the vault: to a Switchboard service holding scope {@code internal} (the notifier). */
@RestController
class InternalSlackTokenController {

    private static final Logger log = LoggerFactory.getLogger(InternalSlackTokenController.class);

    private final SlackConnections connections;

    InternalSlackTokenController(SlackConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/internal/practices/{practiceId}/connections/slack/token")
    @Operation(summary = "A practice's Slack bot token (scope internal); 404 PROVIDER_DISCONNECTED without Slack")
    SlackBotCredentials token(@PathVariable UUID practiceId, @AuthenticationPrincipal Jwt caller) {
        SlackBotCredentials credentials = connections.credentials(practiceId);
        // The audit trail of every hand-out (P7); the token itself is never logged.
        log.info("Slack bot token of practice {} handed to {}", practiceId, caller.getSubject());
        return credentials;
    }
}

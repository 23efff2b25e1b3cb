package io.switchboard.integration.slack.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.switchboard.integration.oauth.OAuthCallbackSecurity;
import io.switchboard.integration.slack.SlackChannel;
import io.switchboard.integration.slack.SlackChannels;
import io.switchboard.integration.slack.SlackConnections;
import io.switchboard.integration.slack.SlackUsers;
import io.switchboard.platform.security.Tenant;

/** The practice's Slack connection over HTTP: connect (OAuth v2), channels, staff ids, disconnect. */
@RestController
class SlackConnectionController {

    private final SlackConnections connections;
    private final SlackChannels channels;
    private final SlackUsers users;

    SlackConnectionController(SlackConnections connections, SlackChannels channels, SlackUsers users) {
        this.connections = connections;
        this.channels = channels;
        this.users = users;
    }

    @PostMapping("/connections/slack/authorize")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Start connecting Slack: the URL to send the admin's browser to (practice admins)")
    Authorization authorize() {
        Tenant tenant = Tenant.current();
        return new Authorization(connections.authorize(tenant.practiceId(), tenant.userId()).toString());
    }

    /** Slack's OAuth redirect; authorised by the single-use state, not a bearer token (see OAuthCallbackSecurity). */
    @GetMapping(OAuthCallbackSecurity.SLACK_CALLBACK)
    @SecurityRequirements // public: authorised by the OAuth state, not a bearer token
    @Operation(summary = "Slack's OAuth redirect target; answers a redirect to the integrations page", security = {})
    ResponseEntity<Void> callback(@RequestParam(required = false) String code,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error) {
        URI next = connections.callback(code, state, error);
        return ResponseEntity.status(HttpStatus.FOUND).location(next).build();
    }

    @DeleteMapping("/connections/slack")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Disconnect Slack: revoke the token and forget it (practice admins)")
    void disconnect() {
        Tenant tenant = Tenant.current();
        connections.disconnect(tenant.practiceId(), tenant.userId());
    }

    @PostMapping("/connections/slack/channels/refresh")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Refresh the channel list from Slack (practice admins)")
    List<SlackChannel> refreshChannels() {
        return channels.refresh(Tenant.current().practiceId());
    }

    @GetMapping("/connections/slack/channels")
    @Operation(summary = "The practice's Slack channels as last refreshed")
    List<SlackChannel> channels() {
        return channels.list(Tenant.current().practiceId());
    }

    @PostMapping("/connections/slack/users/refresh")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Resolve staff users' Slack ids by email (practice admins)")
    SlackUsers.Resolution refreshUsers() {
        var practiceId = Tenant.current().practiceId();
        return users.resolve(practiceId, connections.credentials(practiceId).botToken());
    }

    record Authorization(String authorizeUrl) {
    }
}

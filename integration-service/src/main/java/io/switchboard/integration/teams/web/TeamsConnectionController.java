package io.switchboard.integration.teams.web;

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
import io.switchboard.integration.teams.TeamsChannels;
import io.switchboard.integration.teams.TeamsConnections;
import io.switchboard.integration.teams.TeamsUsers;
import io.switchboard.platform.security.Tenant;

/**
 * Teams over HTTP: the organisation's admin consent, each user's own connection (My Profile), channels,
 * staff Microsoft ids, disconnects. The two callbacks are public (see {@link OAuthCallbackSecurity}).
 */
@RestController
class TeamsConnectionController {

    private final TeamsConnections connections;
    private final TeamsChannels channels;
    private final TeamsUsers users;

    TeamsConnectionController(TeamsConnections connections, TeamsChannels channels, TeamsUsers users) {
        this.connections = connections;
        this.channels = channels;
        this.users = users;
    }

    @PostMapping("/connections/teams/consent")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Start connecting Teams: the Microsoft admin consent URL for the admin's browser (practice admins)")
    ConsentUrl consent() {
        Tenant tenant = Tenant.current();
        return new ConsentUrl(connections.consentUrl(tenant.practiceId(), tenant.userId()).toString());
    }

    @GetMapping(OAuthCallbackSecurity.TEAMS_CONSENT_CALLBACK)
    @SecurityRequirements // public: authorised by the OAuth state, not a bearer token
    @Operation(summary = "Microsoft's admin consent redirect target; answers a redirect to the integrations page",
            security = {})
    ResponseEntity<Void> consentCallback(@RequestParam(name = "admin_consent", required = false) String adminConsent,
                                         @RequestParam(required = false) String tenant,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String error,
                                         @RequestParam(name = "error_description", required = false) String errorDescription) {
        return redirect(connections.consentCallback(adminConsent, tenant, state, error, errorDescription));
    }

    @PostMapping("/me/connections/teams/authorize")
    @PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'STAFF')")
    @Operation(summary = "Connect my own Microsoft account (My Profile): the sign-in URL for my browser")
    AuthorizeUrl authorize() {
        Tenant tenant = Tenant.current();
        return new AuthorizeUrl(connections.authorize(tenant.practiceId(), tenant.userId()).toString());
    }

    @GetMapping(OAuthCallbackSecurity.TEAMS_CALLBACK)
    @SecurityRequirements // public: authorised by the OAuth state, not a bearer token
    @Operation(summary = "Microsoft's sign-in redirect target; answers a redirect to the integrations page",
            security = {})
    ResponseEntity<Void> callback(@RequestParam(required = false) String code,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error,
                                  @RequestParam(name = "error_description", required = false) String errorDescription) {
        return redirect(connections.callback(code, state, error, errorDescription));
    }

    @DeleteMapping("/me/connections/teams")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'STAFF')")
    @Operation(summary = "Disconnect my own Microsoft account")
    void disconnectMine() {
        Tenant tenant = Tenant.current();
        connections.disconnectUser(tenant.practiceId(), tenant.userId());
    }

    @DeleteMapping("/connections/teams")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Disconnect Teams for the practice: every user's connection goes too (practice admins)")
    void disconnect() {
        Tenant tenant = Tenant.current();
        connections.disconnectPractice(tenant.practiceId(), tenant.userId());
    }

    @PostMapping("/connections/teams/channels/refresh")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Refresh the teams and channels list through the admin's own Microsoft connection")
    List<TeamsChannels.TeamsChannel> refreshChannels() {
        Tenant tenant = Tenant.current();
        return channels.refresh(tenant.practiceId(), tenant.userId());
    }

    @GetMapping("/connections/teams/channels")
    @Operation(summary = "The practice's Teams channels as last refreshed")
    List<TeamsChannels.TeamsChannel> channels() {
        return channels.list(Tenant.current().practiceId());
    }

    @PostMapping("/connections/teams/users/refresh")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Resolve staff users' Microsoft ids by email (practice admins)")
    TeamsUsers.Resolution refreshUsers() {
        Tenant tenant = Tenant.current();
        return users.resolve(tenant.practiceId(), tenant.userId());
    }

    private static ResponseEntity<Void> redirect(URI next) {
        return ResponseEntity.status(HttpStatus.FOUND).location(next).build();
    }

    record ConsentUrl(String consentUrl) {
    }

    record AuthorizeUrl(String authorizeUrl) {
    }
}

package io.switchboard.integration.gmail.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.switchboard.integration.gmail.GmailConnection;
import io.switchboard.integration.gmail.GmailConnections;
import io.switchboard.integration.gmail.GmailUserToken;
import io.switchboard.integration.oauth.OAuthCallbackSecurity;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Gmail over HTTP: enable/disable for the practice (admins), each user's own connection, and the internal token hand-out. */
@RestController
class GmailConnectionController {

    private static final Logger log = LoggerFactory.getLogger(GmailConnectionController.class);

    private final GmailConnections gmail;

    GmailConnectionController(GmailConnections gmail) {
        this.gmail = gmail;
    }

    @PostMapping("/connections/gmail")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Enable Gmail for the practice; every staff user is told they can connect (practice admins)")
    GmailConnection enable() {
        Tenant tenant = Tenant.current();
        return gmail.enable(tenant.practiceId(), tenant.userId());
    }

    @DeleteMapping("/connections/gmail")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Disable Gmail: every user's grant is revoked and sync stops (practice admins)")
    void disable() {
        Tenant tenant = Tenant.current();
        gmail.disable(tenant.practiceId(), tenant.userId());
    }

    @PostMapping("/me/connections/gmail/authorize")
    @PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'STAFF')")
    @Operation(summary = "Connect my own Google account: the consent URL for my browser; sync=true adds read access for G5")
    AuthorizeUrl authorize(@RequestParam(defaultValue = "false") boolean sync) {
        Tenant tenant = Tenant.current();
        return new AuthorizeUrl(gmail.authorize(tenant.practiceId(), tenant.userId(), sync).toString());
    }

    @GetMapping(OAuthCallbackSecurity.GMAIL_CALLBACK)
    @SecurityRequirements // public: authorised by the OAuth state, not a bearer token
    @Operation(summary = "Google's OAuth redirect target; answers a redirect to My Profile", security = {})
    ResponseEntity<Void> callback(@RequestParam(required = false) String code,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error) {
        return ResponseEntity.status(HttpStatus.FOUND).location(gmail.callback(code, state, error)).build();
    }

    @DeleteMapping("/me/connections/gmail")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'STAFF')")
    @Operation(summary = "Disconnect my own Google account (revoked at Google)")
    void disconnectMine() {
        Tenant tenant = Tenant.current();
        gmail.disconnectUser(tenant.practiceId(), tenant.userId());
    }

    @GetMapping("/internal/practices/{practiceId}/users/{userId}/connections/gmail/token")
    @Operation(summary = "A user's Google access token (scope internal); 404 PROVIDER_DISCONNECTED / USER_NOT_CONNECTED,"
            + " 409 CONNECTION_NEEDS_REAUTH")
    GmailUserToken token(@PathVariable UUID practiceId, @PathVariable UUID userId,
                         @RequestParam(defaultValue = "false") boolean refresh, @AuthenticationPrincipal Jwt caller) {
        GmailUserToken token = gmail.token(practiceId, userId, refresh);
        log.info("Gmail token of user {} of practice {} handed to {}", userId, practiceId, caller.getSubject());
        return token;
    }

    @PostMapping("/internal/practices/{practiceId}/users/{userId}/connections/gmail/rejected")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Gmail refused this user's token even after a refresh (scope internal): mark it broken (P8)")
    void rejected(@PathVariable UUID practiceId, @PathVariable UUID userId, @Valid @RequestBody Rejection rejection) {
        gmail.rejected(practiceId, userId, rejection.reason());
    }

    record AuthorizeUrl(String authorizeUrl) {
    }

    record Rejection(@Size(max = 300) String reason) {
    }
}

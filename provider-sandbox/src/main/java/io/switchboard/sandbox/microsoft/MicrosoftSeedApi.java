package io.switchboard.sandbox.microsoft;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.switchboard.sandbox.recording.SecretMasking;

/**
 * Seeds and steers the emulated Microsoft cloud under {@code /sandbox/api/microsoft}: tenants, apps and
 * consents, the signed-in user of the sandbox's browser session, token lifetimes, revocation, and the
 * channel messages Graph received. Client secrets are shown masked.
 */
@RestController
class MicrosoftSeedApi {

    private static final String BASE = "/sandbox/api/microsoft";
    private static final String TENANTS = BASE + "/tenants";

    private final MicrosoftTenants tenants;

    MicrosoftSeedApi(MicrosoftTenants tenants) {
        this.tenants = tenants;
    }

    @PostMapping(TENANTS)
    ResponseEntity<TenantView> create(@RequestBody MicrosoftTenantSeed seed) {
        MicrosoftTenant tenant = tenants.seed(seed);
        return ResponseEntity.created(URI.create(TENANTS + "/" + tenant.tenantId())).body(view(tenant));
    }

    @GetMapping(TENANTS)
    List<TenantView> list() {
        return tenants.tenants().stream().map(this::view).toList();
    }

    @GetMapping(TENANTS + "/{tenantId}")
    ResponseEntity<TenantView> get(@PathVariable String tenantId) {
        return ResponseEntity.of(tenants.tenant(tenantId).map(this::view));
    }

    @PostMapping(BASE + "/apps")
    ResponseEntity<AppView> register(@RequestBody MicrosoftApp app) {
        MicrosoftApp registered = tenants.registerApp(app);
        return ResponseEntity.created(URI.create(BASE + "/apps/" + registered.clientId())).body(view(registered));
    }

    @GetMapping(BASE + "/apps")
    List<AppView> apps() {
        return tenants.apps().stream().map(MicrosoftSeedApi::view).toList();
    }

    /** The tenant admin's consent to an app, given out-of-band: {@code {"clientId":"…"}}. */
    @PostMapping(TENANTS + "/{tenantId}/admin-consents")
    ResponseEntity<Void> consent(@PathVariable String tenantId, @RequestBody ClientRef body) {
        tenants.grantAdminConsent(tenantId, body == null ? null : body.clientId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(TENANTS + "/{tenantId}/users/{user}/revoke-grants")
    Map<String, Integer> revokeGrants(@PathVariable String tenantId, @PathVariable String user) {
        return Map.of("revoked", tenants.revokeGrants(tenantId, user));
    }

    @PostMapping(TENANTS + "/{tenantId}/users/{user}/expire-access-tokens")
    Map<String, Integer> expireAccessTokens(@PathVariable String tenantId, @PathVariable String user) {
        return Map.of("expired", tenants.expireAccessTokens(tenantId, user));
    }

    /** The lifetime of access tokens issued from now on, e.g. {@code {"lifetime":"PT5S"}}, until a reset. */
    @PutMapping(BASE + "/access-token-lifetime")
    Map<String, Duration> accessTokenLifetime(@RequestBody LifetimeRef body) {
        try {
            tenants.accessTokenLifetime(body == null ? null : body.lifetime());
        } catch (IllegalArgumentException e) {
            throw MicrosoftSeedRejectedException.invalid(List.of(new MicrosoftTenantSeed.FieldError("lifetime", e.getMessage())));
        }
        return Map.of("lifetime", tenants.accessTokenLifetime());
    }

    /** Signs a user in the sandbox's browser session: {@code {"user":"upn or id"}}. */
    @PutMapping(BASE + "/signed-in-user")
    ResponseEntity<Void> signIn(@RequestBody UserRef body) {
        tenants.signIn(body == null ? null : body.user());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "/signed-in-user")
    ResponseEntity<Void> signOut() {
        tenants.signOut();
        return ResponseEntity.noContent().build();
    }

    /** The channel messages Graph received, oldest first; {@code team} and {@code channel} narrow them. */
    @GetMapping(BASE + "/messages")
    List<TeamsMessage> messages(@RequestParam(required = false) String team, @RequestParam(required = false) String channel) {
        return tenants.messages().stream()
                .filter(message -> team == null || message.teamId().equals(team))
                .filter(message -> channel == null || message.channelId().equals(channel))
                .toList();
    }

    @ExceptionHandler(MicrosoftSeedRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MicrosoftSeedRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return ResponseEntity.of(problem).build();
    }

    private TenantView view(MicrosoftTenant tenant) {
        String id = tenant.tenantId();
        List<TeamView> teams = tenants.teams(id).stream()
                .map(team -> new TeamView(team.id(), team.displayName(), List.copyOf(team.memberIds()),
                        tenants.channels(id, team.id())))
                .toList();
        List<TeamsMessage> messages = tenants.messages().stream().filter(message -> message.tenantId().equals(id)).toList();
        return new TenantView(id, tenant.domain(), tenant.displayName(), tenants.users(id), teams,
                tenants.adminConsents(id), messages);
    }

    private static AppView view(MicrosoftApp app) {
        return new AppView(app.clientId(), SecretMasking.maskToken(app.clientSecret()), app.displayName(), app.redirectUris());
    }

    record TenantView(String tenantId, String domain, String displayName, List<MicrosoftUser> users, List<TeamView> teams,
            List<String> adminConsents, List<TeamsMessage> messages) {
    }

    record TeamView(String id, String displayName, List<String> members, List<MicrosoftChannel> channels) {
    }

    record AppView(String clientId, String clientSecret, String displayName, List<String> redirectUris) {
    }

    record ClientRef(String clientId) {
    }

    record UserRef(String user) {
    }

    record LifetimeRef(Duration lifetime) {
    }
}

package io.switchboard.sandbox.slack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.Resettable;

/**
 * OAuth v2 install: {@code GET /oauth/v2/authorize} redirects to the app's {@code redirect_uri} with a code
 * (single use, 10 minutes), {@code oauth.v2.access} trades it for a fresh bot token in the app's workspace.
 * Apps are registered with {@code POST /sandbox/api/slack/apps}.
 */
@RestController
class SlackOAuthApi implements Resettable {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private record Grant(String clientId, String redirectUri, String scope, String codeChallenge, Instant expires) {
    }

    private final SlackWorkspaces workspaces;
    private final SlackApps apps;
    private final IssuedSecrets secrets;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    SlackOAuthApi(SlackWorkspaces workspaces, SlackApps apps, IssuedSecrets secrets) {
        this.workspaces = workspaces;
        this.apps = apps;
        this.secrets = secrets;
    }

    /**
     * Registers an app: {@code {"clientId","clientSecret","teamId","appId"?,"signingSecret"?,"interactivityUrl"?}}.
     * The answer leaves the secrets out.
     */
    @PostMapping("/sandbox/api/slack/apps")
    ResponseEntity<Map<String, Object>> register(@RequestBody SlackApp app) {
        if (app == null || app.clientId() == null || app.clientSecret() == null || app.teamId() == null
                || workspaces.workspace(app.teamId()).isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        SlackApp stored = apps.register(app);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("client_id", stored.clientId());
        answer.put("app_id", stored.appId());
        answer.put("team_id", stored.teamId());
        answer.put("interactivity_url", stored.interactivityUrl());
        answer.put("has_signing_secret", stored.signingSecret() != null);
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/oauth/v2/authorize")
    ResponseEntity<String> authorize(@RequestParam("client_id") String clientId,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "redirect_uri") String redirectUri,
            @RequestParam(required = false) String state,
            @RequestParam(name = "code_challenge", required = false) String codeChallenge,
            @RequestParam(required = false) String auto) {
        if (apps.byClientId(clientId).isEmpty()) {
            return ResponseEntity.badRequest().body("invalid_client_id");
        }
        String code = UUID.randomUUID().toString().replace("-", "");
        secrets.remember(code);
        codes.put(code, new Grant(clientId, redirectUri, scope == null ? "" : scope, codeChallenge,
                Instant.now().plus(CODE_LIFETIME)));
        URI target = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code)
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state)).build().encode().toUri();
        if ("true".equals(auto)) {
            return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
        }
        String html = "<!doctype html><html><body><h1>Install app " + escape(clientId) + "</h1>"
                + "<p>Requested scopes: " + escape(scope == null ? "" : scope) + "</p>"
                + "<a id=\"allow\" href=\"" + escape(target.toString()) + "\">Allow</a></body></html>";
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.TEXT_HTML).body(html);
    }

    @RequestMapping(path = "/api/oauth.v2.access", method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> access(HttpServletRequest request) {
        String clientId = request.getParameter("client_id");
        String clientSecret = request.getParameter("client_secret");
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decoded.substring(0, colon);
                clientSecret = decoded.substring(colon + 1);
            }
        }
        SlackApp app = clientId == null ? null : apps.byClientId(clientId).orElse(null);
        if (app == null) {
            throw new SlackApiError("invalid_client_id");
        }
        if (!app.clientSecret().equals(clientSecret)) {
            throw new SlackApiError("bad_client_secret");
        }
        String code = request.getParameter("code");
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || !grant.clientId().equals(clientId) || Instant.now().isAfter(grant.expires())) {
            throw new SlackApiError("invalid_code");
        }
        String redirectUri = request.getParameter("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(grant.redirectUri())) {
            throw new SlackApiError("bad_redirect_uri");
        }
        if (grant.codeChallenge() != null && !grant.codeChallenge().equals(s256(request.getParameter("code_verifier")))) {
            throw new SlackApiError("invalid_code_verifier");
        }
        if (grant.codeChallenge() != null) {
            secrets.remember(request.getParameter("code_verifier"));
        }
        SlackWorkspace workspace = workspaces.workspace(app.teamId()).orElseThrow(() -> new SlackApiError("invalid_code"));
        String token = workspaces.issueBotToken(app.teamId()).orElseThrow();
        apps.installed(app.teamId(), app.clientId());
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("access_token", token);
        answer.put("token_type", "bot");
        answer.put("scope", grant.scope());
        answer.put("bot_user_id", workspace.botUserId());
        answer.put("app_id", app.appId());
        answer.put("team", Map.of("id", workspace.teamId(), "name", workspace.teamName()));
        answer.put("enterprise", null);
        answer.put("is_enterprise_install", false);
        answer.put("authed_user", Map.of("id", workspaces.users(app.teamId()).stream().filter(u -> !u.isBot())
                .map(SlackUser::id).findFirst().orElse(workspace.botUserId())));
        return answer;
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void reset() {
        codes.clear();
    }
}

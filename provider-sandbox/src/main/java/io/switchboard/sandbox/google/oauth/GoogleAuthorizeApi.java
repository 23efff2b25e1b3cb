package io.switchboard.sandbox.google.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.google.GoogleScopes;
import io.switchboard.sandbox.oauth.Pkce;

/**
 * Google's authorization endpoint ({@code GET /o/oauth2/v2/auth}): authorization code with PKCE,
 * {@code access_type=offline} for a refresh token, {@code prompt=consent} to get a new one. A sandbox page stands
 * in for Google's account chooser and consent screen: each account is a link that approves as it;
 * {@code login_hint=<email>&auto=true} approves at once, {@code auto=deny} declines ({@code error=access_denied}).
 *
 * <p>As Google does, problems with the request itself (unknown client, unregistered redirect URI, missing or
 * unknown scope, bad response type or PKCE method) are shown on the page, HTTP 400, and never reach the app.
 */
@RestController
class GoogleAuthorizeApi {

    private final GoogleAccounts google;
    private final GoogleAuthorizationCodes codes;

    GoogleAuthorizeApi(GoogleAccounts google, GoogleAuthorizationCodes codes) {
        this.google = google;
        this.codes = codes;
    }

    @GetMapping("${sandbox.google.paths.authorization:/o/oauth2/v2/auth}")
    ResponseEntity<String> authorize(
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(name = "response_type", required = false) String responseType,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String state,
            @RequestParam(name = "code_challenge", required = false) String codeChallenge,
            @RequestParam(name = "code_challenge_method", required = false) String codeChallengeMethod,
            @RequestParam(name = "access_type", required = false) String accessType,
            @RequestParam(required = false) String prompt,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(required = false) String auto,
            HttpServletRequest request) {
        Optional<GoogleClient> client = google.client(clientId);
        if (client.isEmpty()) {
            return errorPage(401, "invalid_client", "The OAuth client was not found.");
        }
        if (!client.get().allowsRedirectUri(redirectUri)) {
            return errorPage(400, "redirect_uri_mismatch", "You can't sign in to this app because it doesn't comply with"
                    + " Google's OAuth 2.0 policy. Request details: redirect_uri=" + redirectUri);
        }
        if (!"code".equals(responseType)) {
            return errorPage(400, "invalid_request", "Invalid response_type: " + responseType
                    + " (the provider sandbox emulates the authorization code flow only)");
        }
        Set<String> scopes = GoogleScopes.parse(scope);
        if (scopes.isEmpty()) {
            return errorPage(400, "invalid_request", "Missing required parameter: scope");
        }
        Optional<String> unknown = scopes.stream().filter(s -> !GoogleScopes.isKnown(s)).findFirst();
        if (unknown.isPresent()) {
            return errorPage(400, "invalid_scope", "Some requested scopes were invalid. {invalid=[" + unknown.get() + "]}");
        }
        String method = Pkce.method(codeChallenge, codeChallengeMethod);
        if (!Pkce.isSupported(method)) {
            return errorPage(400, "invalid_request", "Invalid code_challenge_method: " + codeChallengeMethod);
        }
        if (accessType != null && !accessType.equals("online") && !accessType.equals("offline")) {
            return errorPage(400, "invalid_request", "Invalid access_type: " + accessType);
        }
        if ("deny".equalsIgnoreCase(auto)) {
            return found(redirect(redirectUri, "error", "access_denied", state));
        }
        Optional<GoogleAccount> account = "true".equalsIgnoreCase(auto) ? google.account(loginHint) : Optional.empty();
        if (account.isEmpty()) {
            return page(chooserPage(client.get(), scopes, loginHint, request));
        }
        boolean forcedConsent = prompt != null && List.of(prompt.split("\\s+")).contains("consent");
        String code = codes.issue(new GoogleAuthorizationCodes.Issued(
                new GoogleGrant(account.get().sub(), client.get().clientId(), scopes), redirectUri, codeChallenge, method,
                "offline".equals(accessType), forcedConsent));
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(redirectUri);
        if (state != null) {
            location.queryParam("state", encode(state));
        }
        location.queryParam("code", encode(code))
                .queryParam("scope", encode(GoogleScopes.join(scopes)))
                .queryParam("authuser", "0")
                .queryParam("prompt", "consent");
        return found(location.build(true).toUri());
    }

    private String chooserPage(GoogleClient client, Set<String> scopes, String loginHint, HttpServletRequest request) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox Google sign-in</title></head>")
                .append("<body><h1>Choose an account to continue to ").append(escape(client.displayName())).append("</h1>")
                .append("<p>The provider sandbox stands in for Google's account chooser and consent screen. ")
                .append(escape(client.displayName())).append(" wants: ").append(escape(GoogleScopes.join(scopes))).append("</p>");
        if (loginHint != null && google.account(loginHint).isEmpty()) {
            html.append("<p class=\"error\">No account ").append(escape(loginHint)).append(" exists in the sandbox.</p>");
        }
        List<GoogleAccount> accounts = google.accounts();
        if (accounts.isEmpty()) {
            html.append("<p>No accounts are seeded; seed some with POST /sandbox/api/google/seed.</p>");
        }
        // Each link repeats this request as-is (its query is already encoded), approving as one account.
        StringBuilder kept = new StringBuilder();
        for (String pair : Optional.ofNullable(request.getQueryString()).orElse("").split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("login_hint=") && !pair.startsWith("auto=")) {
                kept.append(pair).append('&');
            }
        }
        String base = request.getRequestURI() + "?" + kept;
        html.append("<ul>");
        for (GoogleAccount account : accounts) {
            String href = base + "login_hint=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8) + "&auto=true";
            html.append("<li><a id=\"").append(escape(account.email())).append("\" href=\"").append(escape(href))
                    .append("\">Continue as ").append(escape(account.displayName())).append(" (").append(escape(account.email()))
                    .append(") and allow</a></li>");
        }
        html.append("</ul><p><a id=\"deny\" href=\"").append(escape(base + "auto=deny")).append("\">Cancel (deny access)</a></p>");
        return html.append("</body></html>").toString();
    }

    private static URI redirect(String redirectUri, String name, String value, String state) {
        UriComponentsBuilder location = UriComponentsBuilder.fromUriString(redirectUri).queryParam(name, encode(value));
        if (state != null) {
            location.queryParam("state", encode(state));
        }
        return location.build(true).toUri();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ResponseEntity<String> found(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString()).build();
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'").body(html);
    }

    private static ResponseEntity<String> errorPage(int status, String error, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status + ": "
                + escape(error) + "</title></head><body><h1>Access blocked: authorization error</h1><p>" + escape(message)
                + "</p><p>Error " + status + ": " + escape(error) + "</p></body></html>";
        return ResponseEntity.status(status == 401 ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'").body(html);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}

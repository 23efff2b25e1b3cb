package io.switchboard.sandbox.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.sandbox.microsoft.MicrosoftApp;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftTenant;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.microsoft.MicrosoftUser;
import io.switchboard.sandbox.oauth.Pkce;

/**
 * The browser side of the identity platform: {@code /{tenant}/oauth2/v2.0/authorize} (authorization code
 * with PKCE) and {@code /{tenant}/adminconsent} (v2 admin consent). A sandbox page stands in for Microsoft's
 * sign-in: it lists the tenant's users, each a link that signs in as them. {@code login_hint=<upn>&auto=true},
 * or a user signed in through the sandbox API (when no {@code login_hint} names somebody else), skips the page,
 * as single sign-on would.
 *
 * <p>Errors Microsoft shows on its own page (unknown tenant or app, unregistered redirect URI) answer 400
 * with an HTML page; the rest go back to the app's redirect URI as {@code error} and {@code error_description}.
 */
@RestController
class IdentityAuthorizeApi {

    /** Tenant path segments that accept a user of any (work or school) tenant. */
    private static final Set<String> ANY_TENANT = Set.of("common", "organizations");

    private final MicrosoftTenants tenants;
    private final AuthorizationCodes codes;

    IdentityAuthorizeApi(MicrosoftTenants tenants, AuthorizationCodes codes) {
        this.tenants = tenants;
        this.codes = codes;
    }

    @GetMapping("/{tenant}/oauth2/v2.0/authorize")
    ResponseEntity<String> authorize(@PathVariable String tenant,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "response_type", required = false) String responseType,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String state,
            @RequestParam(name = "code_challenge", required = false) String codeChallenge,
            @RequestParam(name = "code_challenge_method", required = false) String codeChallengeMethod,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(required = false) String prompt,
            @RequestParam(required = false) String auto) {
        SignIn signIn = new SignIn(tenant, clientId, redirectUri, state, loginHint, prompt, "true".equalsIgnoreCase(auto));
        // Without a method the platform reads the challenge as plain, as RFC 7636 says.
        String method = Pkce.method(codeChallenge, codeChallengeMethod);
        return signIn(signIn, "Sign in to", scope, app -> {
            if (!"code".equals(responseType)) {
                return Optional.of(errorRedirect(signIn, "unsupported_response_type", 700054,
                        "response_type '" + responseType + "' is not enabled for the application."));
            }
            if (scope == null || scope.isBlank()) {
                return Optional.of(errorRedirect(signIn, "invalid_request", 900144,
                        "The request body must contain the following parameter: 'scope'."));
            }
            if (!Pkce.isSupported(method)) {
                return Optional.of(errorRedirect(signIn, "invalid_request", 0,
                        "code_challenge_method must be S256 or plain, was '" + codeChallengeMethod + "'."));
            }
            return Optional.empty();
        }, (app, user) -> {
            if (!tenants.hasAdminConsent(user.tenantId(), app.clientId())) {
                return errorRedirect(signIn, "consent_required", 65001, "The user or administrator has not consented to use the"
                        + " application with ID '" + app.clientId() + "' named '" + app.displayName()
                        + "'. Send an interactive authorization request for this user and resource.");
            }
            String code = codes.issue(new MicrosoftGrant(user.tenantId(), user.id(), app.clientId(), scope.trim()),
                    redirectUri, codeChallenge, method);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("code", code);
            parameters.put("state", state);
            return redirect(redirectUri, parameters);
        });
    }

    @GetMapping({"/{tenant}/adminconsent", "/{tenant}/v2.0/adminconsent"})
    ResponseEntity<String> adminConsent(@PathVariable String tenant,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String state,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(required = false) String prompt,
            @RequestParam(required = false) String auto) {
        SignIn signIn = new SignIn(tenant, clientId, redirectUri, state, loginHint, prompt, "true".equalsIgnoreCase(auto));
        return signIn(signIn, "Grant admin consent for your organisation to", scope, app -> Optional.empty(), (app, user) -> {
            if (!user.admin()) {
                return errorRedirect(signIn, "access_denied", 90094, "The grant requires admin permission. Only an"
                        + " administrator of the tenant can grant consent to the application '" + app.displayName() + "'.");
            }
            tenants.grantAdminConsent(user.tenantId(), app.clientId());
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("admin_consent", "True");
            parameters.put("tenant", user.tenantId());
            parameters.put("state", state);
            parameters.put("scope", scope);
            return redirect(redirectUri, parameters);
        });
    }

    /** The parameters of a sign-in that both endpoints share. */
    private record SignIn(String tenant, String clientId, String redirectUri, String state, String loginHint, String prompt,
            boolean auto) {
    }

    private interface Completion {
        URI complete(MicrosoftApp app, MicrosoftUser user);
    }

    private ResponseEntity<String> signIn(SignIn signIn, String title, String scope,
            Function<MicrosoftApp, Optional<URI>> validate, Completion completion) {
        Optional<MicrosoftTenant> tenant = Optional.empty();
        if (!ANY_TENANT.contains(signIn.tenant().toLowerCase(Locale.ROOT))) {
            tenant = tenants.tenant(signIn.tenant());
            if (tenant.isEmpty()) {
                return errorPage(90002, "Tenant '" + signIn.tenant() + "' not found. Check to make sure you have the correct tenant ID"
                        + " and are signing into the correct cloud.");
            }
        }
        Optional<MicrosoftApp> app = tenants.app(signIn.clientId());
        if (app.isEmpty()) {
            return errorPage(700016, "Application with identifier '" + signIn.clientId() + "' was not found in the directory '"
                    + signIn.tenant() + "'.");
        }
        if (!app.get().allowsRedirectUri(signIn.redirectUri())) {
            return errorPage(50011, "The redirect URI '" + signIn.redirectUri() + "' specified in the request does not match the"
                    + " redirect URIs configured for the application '" + signIn.clientId() + "'.");
        }
        Optional<URI> invalid = validate.apply(app.get());
        if (invalid.isPresent()) {
            return found(invalid.get());
        }
        Optional<MicrosoftUser> user = chosenUser(signIn);
        if (user.isEmpty()) {
            List<MicrosoftUser> candidates = tenant.map(t -> tenants.users(t.tenantId()))
                    .orElseGet(() -> tenants.tenants().stream().flatMap(t -> tenants.users(t.tenantId()).stream()).toList());
            return page(signInPage(title, app.get(), scope, candidates, signIn.loginHint()));
        }
        if (tenant.isPresent() && !tenant.get().tenantId().equals(user.get().tenantId())) {
            return found(errorRedirect(signIn, "invalid_request", 50020, "User account '" + user.get().userPrincipalName()
                    + "' from identity provider does not exist in tenant '" + tenant.get().displayName()
                    + "' and cannot access the application '" + app.get().clientId() + "' in that tenant."));
        }
        return found(completion.complete(app.get(), user.get()));
    }

    private Optional<MicrosoftUser> chosenUser(SignIn signIn) {
        if (signIn.loginHint() != null && signIn.auto()) {
            return tenants.userAnywhere(signIn.loginHint());
        }
        boolean promptsForAccount = "login".equals(signIn.prompt()) || "select_account".equals(signIn.prompt());
        if (promptsForAccount) {
            return Optional.empty();
        }
        // Single sign-on: the session's user, unless the app hints at somebody else.
        return tenants.signedInUser().filter(user -> signIn.loginHint() == null || user.isKnownAs(signIn.loginHint()));
    }

    private String signInPage(String title, MicrosoftApp app, String scope, List<MicrosoftUser> candidates, String loginHint) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox sign-in</title></head><body>")
                .append("<h1>").append(escape(title)).append(' ').append(escape(app.displayName())).append("</h1>")
                .append("<p>The provider sandbox stands in for Microsoft's sign-in page. Requested permissions: ")
                .append(escape(scope == null ? "" : scope)).append("</p>");
        if (loginHint != null && tenants.userAnywhere(loginHint).isEmpty()) {
            html.append("<p class=\"error\">No account ").append(escape(loginHint)).append(" exists in the sandbox.</p>");
        }
        if (candidates.isEmpty()) {
            html.append("<p>No users are seeded; seed a tenant with POST /sandbox/api/microsoft/tenants.</p>");
        }
        // Each link repeats this request as-is (its query is already encoded), signed in as one user.
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String requestPath = request.getRequestURI();
        StringBuilder kept = new StringBuilder();
        for (String pair : Optional.ofNullable(request.getQueryString()).orElse("").split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("login_hint=") && !pair.startsWith("auto=")) {
                kept.append(pair).append('&');
            }
        }
        String keptQuery = kept.toString();
        html.append("<ul>");
        for (MicrosoftUser user : candidates) {
            String href = requestPath + "?" + keptQuery + "login_hint="
                    + URLEncoder.encode(user.userPrincipalName(), StandardCharsets.UTF_8) + "&auto=true";
            html.append("<li><a id=\"").append(escape(user.userPrincipalName())).append("\" href=\"").append(escape(href))
                    .append("\">Sign in as ").append(escape(user.displayName())).append(" (")
                    .append(escape(user.userPrincipalName())).append(')').append(user.admin() ? ", tenant admin" : "")
                    .append(" and accept</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private static URI errorRedirect(SignIn signIn, String error, int code, String message) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", (code == 0 ? "" : "AADSTS" + code + ": ") + message);
        if (code != 0) {
            parameters.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        }
        parameters.put("state", signIn.state());
        return redirect(signIn.redirectUri(), parameters);
    }

    /** The redirect URI with parameters added, each value fully encoded (a client's {@code state} may hold {@code &} or {@code +}). */
    private static URI redirect(String redirectUri, Map<String, String> parameters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(redirectUri);
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                String variable = "v" + values.size();
                builder.queryParam(name, "{" + variable + "}");
                values.put(variable, value);
            }
        });
        return builder.encode().buildAndExpand(values).toUri();
    }

    private static ResponseEntity<String> found(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString()).build();
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'")
                .body(html);
    }

    private static ResponseEntity<String> errorPage(int code, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title></head><body>"
                + "<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">AADSTS" + code + ": "
                + escape(message) + "</p></body></html>";
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'")
                .body(html);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}

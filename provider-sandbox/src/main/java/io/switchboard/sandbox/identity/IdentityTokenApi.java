package io.switchboard.sandbox.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.microsoft.IssuedTokens;
import io.switchboard.sandbox.microsoft.MicrosoftApp;
import io.switchboard.sandbox.microsoft.MicrosoftGrant;
import io.switchboard.sandbox.microsoft.MicrosoftTenant;
import io.switchboard.sandbox.microsoft.MicrosoftTenants;
import io.switchboard.sandbox.microsoft.MicrosoftUser;
import io.switchboard.sandbox.microsoft.RefreshRedemption;
import io.switchboard.sandbox.oauth.Pkce;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: the {@code authorization_code} grant (client secret, redirect URI
 * and PKCE verifier checked; codes single use) and the {@code refresh_token} grant (each refresh token works
 * once and is replaced), for confidential clients. A refresh token is issued only when {@code offline_access}
 * was granted, an ID token only for {@code openid}, as the platform does.
 */
@RestController
class IdentityTokenApi {

    private static final Set<String> ANY_TENANT = Set.of("common", "organizations");
    /** Scopes that shape the answer rather than name a permission; the platform leaves {@code offline_access} out of {@code scope}. */
    private static final String OFFLINE_ACCESS = "offline_access";

    private final MicrosoftTenants tenants;
    private final AuthorizationCodes codes;
    private final JsonMapper json;
    private final IssuedSecrets secrets;

    IdentityTokenApi(MicrosoftTenants tenants, AuthorizationCodes codes, JsonMapper json, IssuedSecrets secrets) {
        this.tenants = tenants;
        this.codes = codes;
        this.json = json;
        this.secrets = secrets;
    }

    @PostMapping("/{tenant}/oauth2/v2.0/token")
    ResponseEntity<TokenResponse> token(@PathVariable String tenant, HttpServletRequest request) {
        String tenantId = tenantScope(tenant);
        String grantType = request.getParameter("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthException.missing("grant_type");
        }
        MicrosoftApp app = authenticateClient(request, tenant);
        IssuedTokens issued = switch (grantType) {
            case "authorization_code" -> authorizationCode(request, app, tenantId);
            case "refresh_token" -> refreshToken(request, app, tenantId);
            default -> throw OAuthException.badRequest("unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
        };
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(response(issued));
    }

    private IssuedTokens authorizationCode(HttpServletRequest request, MicrosoftApp app, String tenantId) {
        String code = required(request, "code");
        String redirectUri = required(request, "redirect_uri");
        AuthorizationCodes.Redemption redemption = codes.redeem(code);
        if (redemption.code() == null) {
            throw redemption.alreadyRedeemed()
                    ? OAuthException.invalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with a new"
                            + " valid code or use an existing refresh token.")
                    : OAuthException.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }
        AuthorizationCodes.AuthorizationCode issued = redemption.code();
        if (!Instant.now().isBefore(issued.expiresAt())) {
            throw OAuthException.invalidGrant(70008, "The provided authorization code or refresh token has expired due to"
                    + " inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!issued.grant().clientId().equals(app.clientId())) {
            throw OAuthException.invalidGrant(70000, "The provided value for the 'code' parameter is not valid. The code was"
                    + " issued to a different client.");
        }
        if (tenantId != null && !tenantId.equals(issued.grant().tenantId())) {
            throw OAuthException.invalidGrant(700005, "Provided Authorization Code is intended to use against other tenant,"
                    + " thus rejected.");
        }
        if (!redirectUri.equals(issued.redirectUri())) {
            throw OAuthException.invalidGrant(70000, "The provided value for the 'redirect_uri' is not valid. The value must"
                    + " exactly match the redirect URI used to obtain the authorization code.");
        }
        if (issued.codeChallenge() != null) {
            String verifier = request.getParameter("code_verifier");
            if (verifier == null || verifier.isBlank()) {
                throw OAuthException.badRequest("invalid_request", 50148,
                        "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");
            }
            if (!Pkce.matches(issued.codeChallenge(), issued.codeChallengeMethod(), verifier)) {
                throw OAuthException.invalidGrant(501481,
                        "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
            }
            secrets.remember(verifier);
        }
        MicrosoftGrant grant = issued.grant();
        return tenants.issueTokens(grant, scopes(grant.scope()).contains(OFFLINE_ACCESS));
    }

    private IssuedTokens refreshToken(HttpServletRequest request, MicrosoftApp app, String tenantId) {
        String refreshToken = required(request, "refresh_token");
        RefreshRedemption redemption = tenants.redeemRefreshToken(refreshToken, app.clientId());
        switch (redemption.outcome()) {
            case REDEEMED -> { }
            case REVOKED -> throw OAuthException.invalidGrant(50173, "The provided grant has expired due to it being revoked,"
                    + " a fresh auth token is needed. The user might have changed or reset their password.");
            case EXPIRED -> throw OAuthException.invalidGrant(700082, "The refresh token has expired due to inactivity.");
            case ALREADY_USED -> throw OAuthException.invalidGrant(70000, "The provided refresh token was already redeemed;"
                    + " the provider sandbox accepts each refresh token once, use the one issued with it.");
            case OTHER_CLIENT -> throw OAuthException.invalidGrant(70000, "The refresh token was issued to a different client.");
            case UNKNOWN -> throw OAuthException.invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
        }
        MicrosoftGrant grant = redemption.grant();
        if (tenantId != null && !tenantId.equals(grant.tenantId())) {
            throw OAuthException.invalidGrant(700005, "Provided refresh token is intended to use against other tenant,"
                    + " thus rejected.");
        }
        return tenants.issueTokens(grant, true);
    }

    /** The app, after its client id and secret (form fields or HTTP Basic) check out. */
    private MicrosoftApp authenticateClient(HttpServletRequest request, String tenant) {
        String clientId = request.getParameter("client_id");
        String clientSecret = request.getParameter("client_secret");
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                clientSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            }
        }
        if (clientId == null || clientId.isBlank()) {
            throw OAuthException.missing("client_id");
        }
        String id = clientId;
        MicrosoftApp app = tenants.app(clientId).orElseThrow(() -> OAuthException.badRequest("unauthorized_client", 700016,
                "Application with identifier '" + id + "' was not found in the directory '" + tenant + "'."));
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new OAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8), app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", 7000215, "Invalid client secret provided."
                    + " Ensure the secret being sent in the request is the client secret value, not the client secret ID,"
                    + " for a secret added to app '" + app.clientId() + "'.");
        }
        return app;
    }

    /** The tenant a token request is bound to, or null for {@code common} and {@code organizations}. */
    private String tenantScope(String tenant) {
        if (ANY_TENANT.contains(tenant.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return tenants.tenant(tenant).map(MicrosoftTenant::tenantId).orElseThrow(() -> OAuthException.badRequest(
                "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID"
                        + " and are signing into the correct cloud."));
    }

    private TokenResponse response(IssuedTokens issued) {
        MicrosoftGrant grant = issued.grant();
        List<String> granted = scopes(grant.scope());
        long expiresIn = Math.max(0, Duration.between(Instant.now(), issued.accessTokenExpiresAt()).toSeconds());
        String idToken = granted.contains("openid") ? idToken(grant) : null;
        String scope = granted.stream().filter(s -> !s.equals(OFFLINE_ACCESS)).collect(Collectors.joining(" "));
        return new TokenResponse("Bearer", scope, expiresIn, expiresIn, issued.accessToken(), issued.refreshToken(), idToken);
    }

    /**
     * An unsigned ({@code alg: none}) v2 ID token with the claims apps read: {@code oid}, {@code tid},
     * {@code preferred_username}, {@code name}, {@code email}. Apps must not trust it; they call Graph's {@code /me}.
     */
    private String idToken(MicrosoftGrant grant) {
        MicrosoftUser user = tenants.user(grant.tenantId(), grant.userId()).orElseThrow();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", grant.clientId());
        claims.put("iss", "https://login.microsoftonline.com/" + grant.tenantId() + "/v2.0");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("name", user.displayName());
        claims.put("email", user.mail());
        claims.put("oid", user.id());
        claims.put("preferred_username", user.userPrincipalName());
        claims.put("sub", user.id());
        claims.put("tid", grant.tenantId());
        claims.put("ver", "2.0");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(json.writeValueAsBytes(Map.of("typ", "JWT", "alg", "none"))) + "."
                + encoder.encodeToString(json.writeValueAsBytes(claims)) + ".";
    }

    private static List<String> scopes(String scope) {
        return Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw OAuthException.missing(name);
        }
        return value;
    }

    /** The v2 token response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(
            @JsonProperty("token_type") String tokenType,
            String scope,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("ext_expires_in") long extExpiresIn,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("id_token") String idToken) {
    }
}

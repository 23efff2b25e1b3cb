package io.switchboard.sandbox.google.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.sandbox.IssuedSecrets;
import io.switchboard.sandbox.google.GoogleAccessToken;
import io.switchboard.sandbox.google.GoogleAccount;
import io.switchboard.sandbox.google.GoogleAccounts;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.google.GoogleScopes;
import io.switchboard.sandbox.google.GoogleTokens;
import io.switchboard.sandbox.oauth.OneTimeCodes;
import io.switchboard.sandbox.oauth.Pkce;
import io.switchboard.sandbox.provider.BearerTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's token endpoint ({@code POST /token}: {@code authorization_code} with the PKCE verifier,
 * {@code refresh_token}), revocation ({@code POST /revoke?token=}) and userinfo ({@code GET /oauth2/v3/userinfo}).
 * As Google does, a refresh token comes only with {@code access_type=offline} on first consent (or
 * {@code prompt=consent}), refreshing keeps the same refresh token, and revoking either token revokes the grant.
 */
@RestController
class GoogleTokenApi {

    private final GoogleAccounts google;
    private final GoogleAuthorizationCodes codes;
    private final JsonMapper json;
    private final IssuedSecrets secrets;

    GoogleTokenApi(GoogleAccounts google, GoogleAuthorizationCodes codes, JsonMapper json, IssuedSecrets secrets) {
        this.google = google;
        this.codes = codes;
        this.json = json;
        this.secrets = secrets;
    }

    @PostMapping("${sandbox.google.paths.token:/token}")
    ResponseEntity<TokenResponse> token(HttpServletRequest request) {
        GoogleClient client = authenticateClient(request);
        String grantType = request.getParameter("grant_type");
        GoogleTokens tokens = switch (grantType == null ? "" : grantType) {
            case "authorization_code" -> authorizationCode(request, client);
            case "refresh_token" -> refreshToken(request, client);
            default -> throw new GoogleOAuthException(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "Invalid grant_type: " + (grantType == null ? "" : grantType));
        };
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(response(tokens));
    }

    @RequestMapping(path = "${sandbox.google.paths.revoke:/revoke}", method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<Map<String, Object>> revoke(HttpServletRequest request) {
        String token = request.getParameter("token");
        if (token == null || token.isBlank()) {
            throw GoogleOAuthException.invalidRequest("Bad Request");
        }
        if (!google.revokeToken(token.trim())) {
            throw new GoogleOAuthException(HttpStatus.BAD_REQUEST, "invalid_token", "Token expired or revoked");
        }
        return ResponseEntity.ok(Map.of());
    }

    @RequestMapping(path = "${sandbox.google.paths.userinfo:/oauth2/v3/userinfo}", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> userinfo(HttpServletRequest request) {
        GoogleAccessToken token = BearerTokens.fromAuthorizationOrParameter(request, "access_token")
                .flatMap(google::accessToken)
                .filter(candidate -> candidate.isUsableAt(Instant.now()))
                .orElse(null);
        GoogleAccount account = token == null ? null : google.account(token.grant().sub()).orElse(null);
        if (account == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
                    .body(Map.of("error", "invalid_request", "error_description", "Invalid Credentials"));
        }
        GoogleGrant grant = token.grant();
        boolean email = grant.scopes().contains(GoogleScopes.USERINFO_EMAIL);
        boolean profile = grant.scopes().contains(GoogleScopes.USERINFO_PROFILE);
        if (!email && !profile && !grant.scopes().contains(GoogleScopes.OPENID)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                    .body(Map.of("error", "insufficient_scope", "error_description", "Insufficient Permission"));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("sub", account.sub());
        if (profile) {
            info.put("name", account.displayName());
        }
        if (email) {
            info.put("email", account.email());
            info.put("email_verified", true);
        }
        return ResponseEntity.ok(info);
    }

    private GoogleTokens authorizationCode(HttpServletRequest request, GoogleClient client) {
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            throw GoogleOAuthException.invalidRequest("Missing required parameter: code");
        }
        OneTimeCodes.Redemption<GoogleAuthorizationCodes.Issued> redemption = codes.redeem(code);
        if (!redemption.found()) {
            throw GoogleOAuthException.invalidGrant(redemption.alreadyRedeemed() ? "Bad Request" : "Malformed auth code.");
        }
        GoogleAuthorizationCodes.Issued issued = redemption.issued();
        if (redemption.isExpiredAt(Instant.now())) {
            throw GoogleOAuthException.invalidGrant("Bad Request");
        }
        if (!issued.grant().clientId().equals(client.clientId())) {
            throw GoogleOAuthException.invalidGrant("Bad Request");
        }
        if (!issued.redirectUri().equals(request.getParameter("redirect_uri"))) {
            throw new GoogleOAuthException(HttpStatus.BAD_REQUEST, "redirect_uri_mismatch", "Bad Request");
        }
        if (issued.codeChallenge() != null) {
            String verifier = request.getParameter("code_verifier");
            if (verifier == null || verifier.isBlank()) {
                throw GoogleOAuthException.invalidGrant("Missing code verifier.");
            }
            if (!Pkce.matches(issued.codeChallenge(), issued.codeChallengeMethod(), verifier)) {
                throw GoogleOAuthException.invalidGrant("Invalid code verifier.");
            }
            secrets.remember(verifier);
        }
        if (google.account(issued.grant().sub()).isEmpty()) {
            throw GoogleOAuthException.invalidGrant("Account has been deleted");
        }
        return google.issueTokens(issued.grant(), issued.offline(), issued.forcedConsent());
    }

    private GoogleTokens refreshToken(HttpServletRequest request, GoogleClient client) {
        String refreshToken = request.getParameter("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            throw GoogleOAuthException.invalidRequest("Missing required parameter: refresh_token");
        }
        if (google.isRefreshTokenOfOtherClient(refreshToken, client.clientId())) {
            throw new GoogleOAuthException(HttpStatus.BAD_REQUEST, "unauthorized_client", "Unauthorized");
        }
        return google.refresh(refreshToken, client.clientId())
                .orElseThrow(() -> GoogleOAuthException.invalidGrant("Token has been expired or revoked."));
    }

    /** The client, after its id and secret (form fields or HTTP Basic) check out. */
    private GoogleClient authenticateClient(HttpServletRequest request) {
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
            throw GoogleOAuthException.invalidRequest("Could not determine client ID from request.");
        }
        GoogleClient client = google.client(clientId)
                .orElseThrow(() -> new GoogleOAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", "The OAuth client was not found."));
        if (clientSecret == null || !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new GoogleOAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", "Unauthorized");
        }
        return client;
    }

    private TokenResponse response(GoogleTokens tokens) {
        GoogleGrant grant = tokens.grant();
        long expiresIn = Math.max(0, Duration.between(Instant.now(), tokens.accessTokenExpiresAt()).toSeconds());
        String idToken = grant.scopes().contains(GoogleScopes.OPENID) ? idToken(grant) : null;
        return new TokenResponse(tokens.accessToken(), expiresIn, tokens.refreshToken(), GoogleScopes.join(grant.scopes()),
                "Bearer", idToken);
    }

    /** An unsigned ({@code alg: none}) ID token with Google's claims; apps must not trust it, they call userinfo. */
    private String idToken(GoogleGrant grant) {
        GoogleAccount account = google.account(grant.sub()).orElseThrow();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://accounts.google.com");
        claims.put("azp", grant.clientId());
        claims.put("aud", grant.clientId());
        claims.put("sub", account.sub());
        if (grant.scopes().contains(GoogleScopes.USERINFO_EMAIL)) {
            claims.put("email", account.email());
            claims.put("email_verified", true);
        }
        if (grant.scopes().contains(GoogleScopes.USERINFO_PROFILE)) {
            claims.put("name", account.displayName());
        }
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(json.writeValueAsBytes(Map.of("typ", "JWT", "alg", "none"))) + "."
                + encoder.encodeToString(json.writeValueAsBytes(claims)) + ".";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            String scope,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("id_token") String idToken) {
    }
}

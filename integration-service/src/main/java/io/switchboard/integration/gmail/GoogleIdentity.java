package io.switchboard.integration.gmail;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.switchboard.integration.oauth.OAuthTokens;
import io.switchboard.integration.oauth.TokenEndpoint;

/**
 * Google's OAuth 2.0 endpoints as a web-server client speaks to them: the consent URL (authorization
 * code with PKCE, offline access), the token endpoint's two grants, revocation and userinfo (who connected).
 * Tokens and secrets never reach a log line or an exception message.
 */
@Component
@EnableConfigurationProperties(GoogleProperties.class)
public class GoogleIdentity {

    private static final Logger log = LoggerFactory.getLogger(GoogleIdentity.class);

    private final GoogleProperties properties;
    private final RestClient http;
    private final TokenEndpoint tokens;

    GoogleIdentity(GoogleProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        this.http = builder.clone().build();
        this.tokens = new TokenEndpoint(http, properties.tokenUri(), "Google");
    }

    /** The Google account that granted a token. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(@JsonProperty("sub") String id, @JsonProperty("email") String email,
                          @JsonProperty("email_verified") Boolean emailVerified, @JsonProperty("name") String name) {
    }

    /**
     * Where a user consents: offline access (a refresh token), {@code prompt=consent} so Google issues a
     * refresh token again on reconnect, and the sync scope only if they opted in.
     */
    public URI authorizeUrl(String state, String codeChallenge, String loginHint, boolean sync) {
        String scopes = sync ? properties.scopes() + " " + properties.syncScopes() : properties.scopes();
        return UriComponentsBuilder.fromUriString(properties.authorizationUri())
                .queryParam("client_id", properties.clientId())
                .queryParam("redirect_uri", properties.redirectUri())
                .queryParam("response_type", "code")
                .queryParam("scope", scopes)
                .queryParam("access_type", "offline")
                .queryParam("prompt", "consent")
                .queryParam("include_granted_scopes", "false")
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .queryParamIfPresent("login_hint", Optional.ofNullable(loginHint))
                .encode().build().toUri();
    }

    public OAuthTokens redeem(String code, String codeVerifier) {
        MultiValueMap<String, String> form = form("authorization_code");
        form.add("code", code);
        form.add("redirect_uri", properties.redirectUri());
        form.add("code_verifier", codeVerifier);
        return token(form);
    }

    public OAuthTokens refresh(String refreshToken) {
        MultiValueMap<String, String> form = form("refresh_token");
        form.add("refresh_token", refreshToken);
        return token(form);
    }

    /** Who granted this access token ({@code openid email} scopes). */
    public Account account(String accessToken) {
        try {
            Account account = http.get().uri(properties.userinfoUri())
                    .header("Authorization", "Bearer " + accessToken).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(Account.class);
            if (account == null || account.id() == null || account.email() == null) {
                throw unavailable();
            }
            return account;
        } catch (ResourceAccessException | org.springframework.web.client.RestClientResponseException e) {
            log.warn("Google userinfo failed: {}", e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    /** Revokes the grant behind a token (access or refresh); best effort, never throws. */
    public void revokeQuietly(String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        try {
            http.post().uri(properties.revokeUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("Google did not confirm a token revocation ({}); the token is forgotten here anyway",
                    e.getClass().getSimpleName());
        }
    }

    private MultiValueMap<String, String> form(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return form;
    }

    private OAuthTokens token(MultiValueMap<String, String> form) {
        return tokens.exchange(form);
    }

    private static ErrorResponseException unavailable() {
        return TokenEndpoint.unavailable("Google");
    }
}

package io.switchboard.integration.teams;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;


import io.switchboard.integration.oauth.OAuthTokens;
import io.switchboard.integration.oauth.TokenEndpoint;

/**
 * The Microsoft identity platform's v2 endpoints as an OAuth client speaks to them: the admin consent and
 * authorize URLs a browser is sent to, and the token endpoint's {@code authorization_code} (with PKCE) and
 * {@code refresh_token} grants. Tokens and secrets never reach a log line or an exception message.
 */
@Component
public class MicrosoftIdentity {

    /** The permissions granted at admin consent: everything the app registration declares. */
    static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

    private final MicrosoftProperties properties;
    private final TokenEndpoint tokens;

    MicrosoftIdentity(MicrosoftProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        this.tokens = new TokenEndpoint(builder.clone().build(),
                properties.authority() + "/" + properties.tenant() + "/oauth2/v2.0/token", "Microsoft");
    }

    /** Where an admin grants the app its permissions for the whole organisation. */
    public URI adminConsentUrl(String state) {
        return UriComponentsBuilder.fromUriString(properties.authority() + "/" + properties.tenant() + "/v2.0/adminconsent")
                .queryParam("client_id", properties.clientId())
                .queryParam("redirect_uri", properties.consentRedirectUri())
                .queryParam("scope", GRAPH_DEFAULT_SCOPE)
                .queryParam("state", state)
                .encode().build().toUri();
    }

    /** Where a user signs in and grants the delegated permissions (authorization code flow with PKCE S256). */
    public URI authorizeUrl(String state, String codeChallenge, String loginHint) {
        return UriComponentsBuilder.fromUriString(properties.authority() + "/" + properties.tenant() + "/oauth2/v2.0/authorize")
                .queryParam("client_id", properties.clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", properties.redirectUri())
                .queryParam("response_mode", "query")
                .queryParam("scope", properties.scopes())
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .queryParamIfPresent("login_hint", java.util.Optional.ofNullable(loginHint))
                .encode().build().toUri();
    }

    /** Redeems an authorization code with its PKCE verifier. */
    public OAuthTokens redeem(String code, String codeVerifier) {
        MultiValueMap<String, String> form = form("authorization_code");
        form.add("code", code);
        form.add("redirect_uri", properties.redirectUri());
        form.add("code_verifier", codeVerifier);
        return token(form);
    }

    /** Exchanges a refresh token for new tokens (the identity platform rotates the refresh token). */
    public OAuthTokens refresh(String refreshToken) {
        MultiValueMap<String, String> form = form("refresh_token");
        form.add("refresh_token", refreshToken);
        return token(form);
    }

    private MultiValueMap<String, String> form(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        form.add("scope", properties.scopes());
        return form;
    }

    private OAuthTokens token(MultiValueMap<String, String> form) {
        return tokens.exchange(form);
    }
}

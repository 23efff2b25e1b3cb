package io.switchboard.integration.teams;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.switchboard.integration.oauth.GrantRefused;
import io.switchboard.integration.oauth.OAuthTokens;

/**
 * The Microsoft identity platform's v2 endpoints as an OAuth client speaks to them: the admin consent and
 * authorize URLs a browser is sent to, and the token endpoint's {@code authorization_code} (with PKCE) and
 * {@code refresh_token} grants. Tokens and secrets never reach a log line or an exception message.
 */
@Component
public class MicrosoftIdentity {

    private static final Logger log = LoggerFactory.getLogger(MicrosoftIdentity.class);
    /** The permissions granted at admin consent: everything the app registration declares. */
    static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

    private final MicrosoftProperties properties;
    private final RestClient http;
    private final Clock clock = Clock.systemUTC();

    MicrosoftIdentity(MicrosoftProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        this.http = builder.clone().build();
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
        Instant requested = clock.instant();
        TokenResponse response;
        try {
            response = http.post()
                    .uri(properties.authority() + "/" + properties.tenant() + "/oauth2/v2.0/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, answer) -> {
                        if (answer.getStatusCode().is2xxSuccessful()) {
                            return answer.bodyTo(TokenResponse.class);
                        }
                        if (answer.getStatusCode().value() == 400 || answer.getStatusCode().value() == 401) {
                            TokenError error = answer.bodyTo(TokenError.class);
                            String code = error == null || error.errorCodes() == null || error.errorCodes().length == 0
                                    ? null : "AADSTS" + error.errorCodes()[0];
                            throw new GrantRefused(error == null || error.error() == null ? "invalid_request" : error.error(), code);
                        }
                        log.warn("The Microsoft token endpoint answered HTTP {}", answer.getStatusCode().value());
                        throw unavailable();
                    });
        } catch (ResourceAccessException e) {
            log.warn("The Microsoft token endpoint could not be reached: {}", e.getClass().getSimpleName());
            throw unavailable();
        }
        if (response == null || response.accessToken() == null) {
            throw unavailable();
        }
        long lifetime = response.expiresIn() == null ? 3600 : response.expiresIn();
        return new OAuthTokens(response.accessToken(), response.refreshToken(), requested.plusSeconds(lifetime),
                response.scope());
    }

    static ErrorResponseException unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "Microsoft sign-in did not answer; try again later.");
        problem.setProperty("reason", "PROVIDER_UNAVAILABLE");
        return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
    }

    /** Provider answers grow fields; ours tolerate them (our own API refuses unknown fields, a provider's may not). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("expires_in") Long expiresIn,
                         @JsonProperty("scope") String scope) {
        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenError(@JsonProperty("error") String error,
                      @JsonProperty("error_description") String errorDescription,
                      @JsonProperty("error_codes") long[] errorCodes) {
    }
}

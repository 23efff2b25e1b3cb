package io.switchboard.integration.oauth;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §5): posts a grant, answers the tokens, turns a 400/401 into
 * {@link GrantRefused} and anything else into a 502 problem naming the provider — never the grant.
 */
public final class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private final RestClient http;
    private final String uri;
    private final String provider;
    private final Clock clock = Clock.systemUTC();

    public TokenEndpoint(RestClient http, String uri, String provider) {
        this.http = http;
        this.uri = uri;
        this.provider = provider;
    }

    public OAuthTokens exchange(MultiValueMap<String, String> form) {
        Instant requested = clock.instant();
        TokenResponse response;
        try {
            response = http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON).body(form)
                    .exchange((request, answer) -> {
                        if (answer.getStatusCode().is2xxSuccessful()) {
                            return answer.bodyTo(TokenResponse.class);
                        }
                        if (answer.getStatusCode().value() == 400 || answer.getStatusCode().value() == 401) {
                            TokenError error = answer.bodyTo(TokenError.class);
                            String code = error == null || error.errorCodes() == null || error.errorCodes().length == 0
                                    ? null : "AADSTS" + error.errorCodes()[0];
                            throw new GrantRefused(error == null || error.error() == null ? "invalid_request"
                                    : error.error(), code);
                        }
                        log.warn("The {} token endpoint answered HTTP {}", provider, answer.getStatusCode().value());
                        throw unavailable(provider);
                    });
        } catch (ResourceAccessException e) {
            log.warn("The {} token endpoint could not be reached: {}", provider, e.getClass().getSimpleName());
            throw unavailable(provider);
        }
        if (response == null || response.accessToken() == null) {
            throw unavailable(provider);
        }
        long lifetime = response.expiresIn() == null ? 3600 : response.expiresIn();
        return new OAuthTokens(response.accessToken(), response.refreshToken(), requested.plusSeconds(lifetime),
                response.scope());
    }

    /** The provider's sign-in did not answer usefully: 502 with reason PROVIDER_UNAVAILABLE. */
    public static ErrorResponseException unavailable(String provider) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                provider + " sign-in did not answer; try again later.");
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

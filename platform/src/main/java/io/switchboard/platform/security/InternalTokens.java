package io.switchboard.platform.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Access tokens for this service's own calls to other services' {@code /internal} APIs, by the
 * OAuth2 client-credentials grant, cached until shortly before they expire. The token is never
 * logged; use {@link #interceptor()} on a {@link RestClient} rather than handling it.
 */
public class InternalTokens {

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final RestClient http;
    private final InternalClientProperties properties;
    private final Clock clock;
    private volatile Cached cached;

    public InternalTokens(RestClient.Builder http, InternalClientProperties properties, Clock clock) {
        this.http = http.build();
        this.properties = properties;
        this.clock = clock;
    }

    /** A valid access token with the configured scope. */
    public String bearerToken() {
        Cached current = cached;
        if (current == null || clock.instant().isAfter(current.expiresAt().minus(REFRESH_MARGIN))) {
            synchronized (this) {
                current = cached;
                if (current == null || clock.instant().isAfter(current.expiresAt().minus(REFRESH_MARGIN))) {
                    cached = current = fetch();
                }
            }
        }
        return current.token();
    }

    /** Adds {@code Authorization: Bearer <internal token>} to every request of a client. */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            request.getHeaders().setBearerAuth(bearerToken());
            return execution.execute(request, body);
        };
    }

    private Cached fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", properties.scope());
        Map<?, ?> response = http.post().uri(URI.create(properties.tokenUri()))
                .headers(headers -> headers.setBasicAuth(properties.clientId(), properties.clientSecret()))
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
        if (response == null || !(response.get("access_token") instanceof String token)) {
            throw new IllegalStateException("the token endpoint " + properties.tokenUri() + " returned no access token");
        }
        long expiresIn = response.get("expires_in") instanceof Number seconds ? seconds.longValue() : 300;
        return new Cached(token, clock.instant().plusSeconds(expiresIn));
    }

    private record Cached(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Cached[expiresAt=" + expiresAt + "]";
        }
    }
}

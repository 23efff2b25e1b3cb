package io.switchboard.gmail.compose;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.switchboard.platform.web.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * register-service's email templates ({@code GET /templates}, {@code POST /templates/{id}/render}),
 * called directly (not through the gateway) with the staff user's own bearer token: the register then
 * applies its own authorisation and tenancy to the user, exactly as if the panel had called it, and
 * this service gains no right to read templates the user could not.
 */
@Component
public class RegisterTemplates {

    private static final Logger log = LoggerFactory.getLogger(RegisterTemplates.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    RegisterTemplates(RestClient.Builder builder, @Value("${switchboard.register.base-url}") String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).build();
    }

    /** The practice's templates, or empty when the register cannot be reached (the panel still works without them). */
    public Optional<JsonNode> list() {
        try {
            return Optional.of(http.get().uri("/templates").header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() != 200) {
                            log.warn("register-service answered {} for the templates", response.getStatusCode().value());
                            return null;
                        }
                        return JSON.readTree(response.getBody().readAllBytes());
                    }));
        } catch (RestClientException | NullPointerException e) {
            log.warn("register-service templates unavailable: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The template rendered for the client: subject, HTML body, attachment links. */
    public JsonNode render(UUID templateId, UUID clientId) {
        try {
            return http.post().uri("/templates/{id}/render", templateId).header(HttpHeaders.AUTHORIZATION, bearer())
                    .body(Map.of("clientId", clientId))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return JSON.readTree(response.getBody().readAllBytes());
                        }
                        if (status == 404 || status == 400) {
                            throw new NotFoundException("template", templateId);
                        }
                        throw new TemplatesUnavailable();
                    });
        } catch (RestClientException e) {
            if (e.getCause() instanceof RuntimeException cause && !(cause instanceof RestClientException)) {
                throw cause;
            }
            throw new TemplatesUnavailable();
        }
    }

    private static String bearer() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return "Bearer " + token.getToken().getTokenValue();
        }
        throw new IllegalStateException("the register is called on behalf of an authenticated user only");
    }

    /** The register could not be reached or failed; answered 503. */
    public static class TemplatesUnavailable extends RuntimeException {
        TemplatesUnavailable() {
            super("The register's templates are not available; try again shortly.");
        }
    }
}

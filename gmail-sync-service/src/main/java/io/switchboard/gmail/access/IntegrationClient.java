package io.switchboard.gmail.access;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.switchboard.platform.security.InternalTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * integration-service's internal Gmail API, called with this service's own client-credentials token:
 * {@code GET …/connections/gmail/token[?refresh=true]} and {@code POST …/connections/gmail/rejected}.
 * Its problem answers become {@link GmailUnavailableException}s: 404 {@code PROVIDER_DISCONNECTED} →
 * {@code GMAIL_DISABLED}, 404 {@code USER_NOT_CONNECTED} → {@code GMAIL_NOT_CONNECTED}, 409
 * {@code CONNECTION_NEEDS_REAUTH} → {@code GMAIL_NEEDS_REAUTH}.
 */
@Component
class IntegrationClient {

    private static final Logger log = LoggerFactory.getLogger(IntegrationClient.class);
    // Read leniently: integration-service may add fields to its answers.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER_PATH = "/internal/practices/{practiceId}/users/{userId}/connections/gmail";

    private final RestClient http;

    IntegrationClient(RestClient.Builder builder, InternalTokens internalTokens,
                      @Value("${switchboard.integration.base-url}") String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(internalTokens.interceptor()).build();
    }

    UserToken token(UUID practiceId, UUID userId, boolean refresh) {
        try {
            return http.get().uri(uri -> {
                        uri.path(USER_PATH + "/token");
                        if (refresh) {
                            uri.queryParam("refresh", "true");
                        }
                        return uri.build(Map.of("practiceId", practiceId, "userId", userId));
                    })
                    .exchange((request, response) -> {
                        byte[] body = response.getBody().readAllBytes();
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            return parse(body);
                        }
                        throw refusal(status, body);
                    });
        } catch (RestClientException e) {
            if (e.getCause() instanceof GmailUnavailableException refused) {
                throw refused;
            }
            log.warn("integration-service did not hand out a Gmail token: {}", e.getClass().getSimpleName());
            throw new GmailUnavailableException(GmailReason.GMAIL_UNAVAILABLE);
        }
    }

    /** Tells integration-service that Gmail refused the user's token even after a refresh (it marks the connection broken). */
    void rejected(UUID practiceId, UUID userId, String reason) {
        try {
            http.post().uri(USER_PATH + "/rejected", practiceId, userId).body(Map.of("reason", reason))
                    .retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("could not report a rejected Gmail token to integration-service: {}", e.getClass().getSimpleName());
        }
    }

    private static UserToken parse(byte[] body) {
        JsonNode json = JSON.readTree(body);
        Set<String> scopes = new LinkedHashSet<>();
        JsonNode scopeNode = json.path("scopes");
        if (scopeNode.isArray()) {
            scopeNode.forEach(s -> scopes.add(s.asString()));
        } else if (scopeNode.isString()) {
            for (String s : scopeNode.asString().split("[\\s,]+")) {
                if (!s.isBlank()) {
                    scopes.add(s);
                }
            }
        }
        String expires = json.path("expiresAt").asString(null);
        return new UserToken(json.path("email").asString(null), json.path("googleUserId").asString(null),
                json.path("accessToken").asString(), expires == null ? Instant.now().plusSeconds(300) : Instant.parse(expires),
                scopes);
    }

    private static GmailUnavailableException refusal(int status, byte[] body) throws IOException {
        String reason = null;
        try {
            reason = JSON.readTree(body).path("reason").asString(null);
        } catch (RuntimeException notJson) {
            // an answer without a problem body: decided by the status alone
        }
        if (status == 404 && "PROVIDER_DISCONNECTED".equals(reason)) {
            return new GmailUnavailableException(GmailReason.GMAIL_DISABLED);
        }
        if (status == 404) {
            return new GmailUnavailableException(GmailReason.GMAIL_NOT_CONNECTED);
        }
        if (status == 409) {
            return new GmailUnavailableException(GmailReason.GMAIL_NEEDS_REAUTH);
        }
        log.warn("integration-service answered {} for a Gmail token", status);
        return new GmailUnavailableException(GmailReason.GMAIL_UNAVAILABLE);
    }
}

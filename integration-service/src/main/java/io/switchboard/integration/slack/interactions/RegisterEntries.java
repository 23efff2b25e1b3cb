package io.switchboard.integration.slack.interactions;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.switchboard.contracts.register.ActionedVia;
import io.switchboard.platform.security.InternalTokens;

/**
 * register-service's internal API for marking an entry actioned, called with this service's own
 * client-credentials token: {@code POST /internal/practices/{practiceId}/entries/{entryId}/actioned}
 * {@code {"actionedByUserId", "via"}} → 200 with the entry, 404 for an entry the practice does not have.
 * Short timeouts: Slack waits three seconds for its answer.
 */
@Component
class RegisterEntries {

    /** What the register made of the request. */
    enum Outcome { ACTIONED, NOT_FOUND, FAILED }

    private static final Logger log = LoggerFactory.getLogger(RegisterEntries.class);

    private final RestClient http;

    RegisterEntries(RestClient.Builder builder, InternalTokens tokens,
                    @Value("${switchboard.register.base-url}") String baseUrl) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
        requests.setReadTimeout(Duration.ofSeconds(2));
        this.http = builder.clone().baseUrl(baseUrl).requestFactory(requests)
                .requestInterceptor(tokens.interceptor()).build();
    }

    Outcome markActioned(UUID practiceId, UUID entryId, UUID actionedBy) {
        try {
            http.post().uri("/internal/practices/{practiceId}/entries/{entryId}/actioned", practiceId, entryId)
                    .body(Map.of("actionedByUserId", actionedBy, "via", ActionedVia.SLACK))
                    .retrieve().toBodilessEntity();
            return Outcome.ACTIONED;
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Outcome.NOT_FOUND;
            }
            log.warn("register-service refused to mark entry {} of practice {} actioned: HTTP {}", entryId, practiceId,
                    refused.getStatusCode().value());
            return Outcome.FAILED;
        } catch (RestClientException | IllegalStateException unavailable) {
            // IllegalStateException: no internal token could be obtained.
            log.warn("register-service could not be asked to mark entry {} of practice {} actioned ({})", entryId,
                    practiceId, unavailable.getClass().getSimpleName());
            return Outcome.FAILED;
        }
    }
}

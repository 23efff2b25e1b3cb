package io.switchboard.notifier.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.platform.security.InternalTokens;

/**
 * A user's delegated Microsoft Graph token from integration-service's internal API (which holds and refreshes it),
 * cached in memory only until shortly before it expires. Never logged, stored or put in an event. After Graph
 * answers 401 the worker asks once more with {@code refresh=true}, and reports a still-refused token as
 * {@link #rejected rejected}, which marks the user's connection broken.
 */
@Component
public class TeamsTokens {

    /** Expire the cached token this long before Graph would, so a send never starts with a dying token. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** A user's token as integration-service hands it out; {@code toString} hides the token. */
    public record TeamsToken(String tenantId, String microsoftUserId, String accessToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "TeamsToken[tenantId=" + tenantId + ", microsoftUserId=" + microsoftUserId + ", accessToken=***, expiresAt="
                    + expiresAt + "]";
        }
    }

    private record Key(UUID practiceId, UUID userId) {
    }

    private record Rejection(String reason) {
    }

    private final RestClient http;
    private final Map<Key, TeamsToken> cache = new ConcurrentHashMap<>();

    public TeamsTokens(RestClient.Builder builder, InternalTokens internalTokens,
                       @Value("${switchboard.integration.base-url:http://localhost:8082}") String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(internalTokens.interceptor()).build();
    }

    /**
     * @param refresh make integration-service refresh the token first (after Graph refused the current one)
     * @throws ConnectionUnavailable {@code PROVIDER_DISCONNECTED} (no Teams for the practice), {@code USER_NOT_CONNECTED}
     *                               (the user never connected their account) or {@code CONNECTION_NEEDS_REAUTH}
     */
    public TeamsToken token(UUID practiceId, UUID userId, boolean refresh) {
        Key key = new Key(practiceId, userId);
        TeamsToken cached = cache.get(key);
        if (!refresh && cached != null && (cached.expiresAt() == null || cached.expiresAt().minus(EARLY).isAfter(Instant.now()))) {
            return cached;
        }
        TeamsToken token = Optional.ofNullable(http.get()
                        .uri(b -> b.path("/internal/practices/{practiceId}/users/{userId}/connections/teams/token")
                                .queryParamIfPresent("refresh", refresh ? Optional.of(true) : Optional.empty())
                                .build(practiceId, userId))
                        .retrieve()
                        .onStatus(status -> ConnectionUnavailable.isConnectionAnswer(status.value()),
                                (request, response) -> {
                                    throw ConnectionUnavailable.from(response);
                                })
                        .body(TeamsToken.class))
                .orElseThrow(() -> new ConnectionUnavailable(DeliveryReason.USER_NOT_CONNECTED));
        if (token.expiresAt() != null && token.expiresAt().minus(EARLY).isAfter(Instant.now())) {
            cache.put(key, token);
        } else {
            cache.remove(key);
        }
        return token;
    }

    public void forget(UUID practiceId, UUID userId) {
        cache.remove(new Key(practiceId, userId));
    }

    /** Graph still refused the token after a refresh: integration-service marks the user's connection broken (P8). */
    public void rejected(UUID practiceId, UUID userId, String reason) {
        forget(practiceId, userId);
        http.post()
                .uri("/internal/practices/{practiceId}/users/{userId}/connections/teams/rejected", practiceId, userId)
                .body(new Rejection(reason))
                .retrieve()
                .toBodilessEntity();
    }
}

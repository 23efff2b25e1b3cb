package io.switchboard.notifier.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.platform.security.InternalTokens;

/**
 * A user's delegated Gmail token from integration-service's internal API (which holds and refreshes it), cached in
 * memory only until shortly before it expires. Never logged, stored or put in an event. After Gmail answers 401 the
 * worker asks once more with {@code refresh=true}, and reports a still-refused token as {@link #rejected rejected},
 * which marks the user's connection broken (P8).
 */
@Component
public class GmailTokens {

    /** Expire the cached token this long before Google would, so a send never starts with a dying token. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** Scopes that let {@code users.messages.send} through (Google accepts any of them). */
    static final Set<String> SEND_SCOPES = Set.of("https://www.googleapis.com/auth/gmail.send",
            "https://www.googleapis.com/auth/gmail.compose", "https://www.googleapis.com/auth/gmail.modify",
            "https://mail.google.com/");

    /** A user's token as integration-service hands it out; {@code toString} hides the token. */
    public record GmailToken(String email, String googleUserId, String accessToken, Instant expiresAt,
                             List<String> scopes) {
        public GmailToken {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        boolean maySend() {
            return scopes.stream().anyMatch(SEND_SCOPES::contains);
        }

        @Override
        public String toString() {
            return "GmailToken[email=" + email + ", googleUserId=" + googleUserId + ", accessToken=***, expiresAt="
                    + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    private record Key(UUID practiceId, UUID userId) {
    }

    private record Rejection(String reason) {
    }

    private final RestClient http;
    private final Map<Key, GmailToken> cache = new ConcurrentHashMap<>();

    public GmailTokens(RestClient.Builder builder, InternalTokens internalTokens,
                       @Value("${switchboard.integration.base-url:http://localhost:8082}") String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(internalTokens.interceptor()).build();
    }

    /**
     * @param refresh make integration-service refresh the token first (after Gmail refused the current one)
     * @throws ConnectionUnavailable {@code PROVIDER_DISCONNECTED} (Gmail not enabled for the practice),
     *                               {@code USER_NOT_CONNECTED} or {@code CONNECTION_NEEDS_REAUTH}
     */
    public GmailToken token(UUID practiceId, UUID userId, boolean refresh) {
        Key key = new Key(practiceId, userId);
        GmailToken cached = cache.get(key);
        if (!refresh && cached != null && (cached.expiresAt() == null || cached.expiresAt().minus(EARLY).isAfter(Instant.now()))) {
            return cached;
        }
        GmailToken token = Optional.ofNullable(http.get()
                        .uri(b -> b.path("/internal/practices/{practiceId}/users/{userId}/connections/gmail/token")
                                .queryParamIfPresent("refresh", refresh ? Optional.of(true) : Optional.empty())
                                .build(practiceId, userId))
                        .retrieve()
                        .onStatus(status -> ConnectionUnavailable.isConnectionAnswer(status.value()),
                                (request, response) -> {
                                    throw ConnectionUnavailable.from(response);
                                })
                        .body(GmailToken.class))
                .filter(t -> t.accessToken() != null && t.email() != null)
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

    /** Gmail still refused the token after a refresh: integration-service marks the user's connection broken (P8). */
    public void rejected(UUID practiceId, UUID userId, String reason) {
        forget(practiceId, userId);
        http.post()
                .uri("/internal/practices/{practiceId}/users/{userId}/connections/gmail/rejected", practiceId, userId)
                .body(new Rejection(reason))
                .retrieve()
                .toBodilessEntity();
    }
}

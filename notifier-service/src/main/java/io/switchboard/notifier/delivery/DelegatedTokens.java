package io.switchboard.notifier.delivery;

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
import io.switchboard.platform.security.InternalTokens;

/**
 * A user's delegated access token for a provider (their Gmail, their Microsoft account) from integration-service's
 * internal API, which holds and refreshes it; cached in memory only until shortly before it expires. Never logged,
 * stored or put in an event. After the provider answers 401 the worker asks once more with {@code refresh=true}, and
 * reports a still-refused token as {@link #rejected rejected}, which marks the user's connection broken (P8).
 */
@Component
public class DelegatedTokens {

    /** Expire the cached token this long before the provider would, so a send never starts with a dying token. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** A token as integration-service hands it out; implementations hide the token in {@code toString}. */
    public interface Token {

        String accessToken();

        /** {@code null} when integration-service did not say. */
        Instant expiresAt();

        /** Whether the answer names everything a send needs; an unusable one counts as not connected. */
        default boolean usable() {
            return true;
        }
    }

    /**
     * One provider's internal endpoints: {@code /internal/practices/{p}/users/{u}/connections/{path}/token} and
     * {@code …/rejected}, answering a {@code type}.
     */
    public record Provider<T extends Token>(String path, Class<T> type) {
    }

    private record Key(String provider, UUID practiceId, UUID userId) {
    }

    private record Rejection(String reason) {
    }

    /** What {@link #prefetch} got and the token cache cannot hold (a refusal, a token without expiry), kept briefly. */
    private record Prefetched(Token token, ConnectionUnavailable refusal, Instant expires) {
    }

    /** How long a prefetched answer waits for its send (which normally follows within moments). */
    private static final Duration PREFETCH_KEPT = Duration.ofSeconds(10);

    private final RestClient http;
    private final Map<Key, Token> cache = new ConcurrentHashMap<>();
    private final Map<Key, Prefetched> prefetched = new ConcurrentHashMap<>();

    public DelegatedTokens(RestClient.Builder builder, InternalTokens internalTokens,
                           @Value("${switchboard.integration.base-url:http://localhost:8082}") String baseUrl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(internalTokens.interceptor()).build();
    }

    /**
     * @param refresh make integration-service refresh the token first (after the provider refused the current one)
     * @throws ConnectionUnavailable {@code PROVIDER_DISCONNECTED} (the provider is not enabled for the practice),
     *                               {@code USER_NOT_CONNECTED} (the user never connected their account) or
     *                               {@code CONNECTION_NEEDS_REAUTH}
     */
    public <T extends Token> T token(Provider<T> provider, UUID practiceId, UUID userId, boolean refresh) {
        Key key = new Key(provider.path(), practiceId, userId);
        Token cached = cache.get(key);
        if (!refresh && provider.type().isInstance(cached) && fresh(cached)) {
            return provider.type().cast(cached);
        }
        Prefetched ready = prefetched.remove(key);
        if (!refresh && ready != null && ready.expires().isAfter(Instant.now())) {
            if (ready.refusal() != null) {
                throw new ConnectionUnavailable(ready.refusal().reason());
            }
            if (provider.type().isInstance(ready.token()) && fresh(ready.token())) {
                return provider.type().cast(ready.token());
            }
        }
        T token = Optional.ofNullable(http.get()
                        .uri(b -> b.path("/internal/practices/{practiceId}/users/{userId}/connections/{provider}/token")
                                .queryParamIfPresent("refresh", refresh ? Optional.of(true) : Optional.empty())
                                .build(practiceId, userId, provider.path()))
                        .retrieve()
                        .onStatus(status -> ConnectionUnavailable.isConnectionAnswer(status.value()),
                                (request, response) -> {
                                    throw ConnectionUnavailable.from(response);
                                })
                        .body(provider.type()))
                .filter(Token::usable)
                .orElseThrow(() -> new ConnectionUnavailable(DeliveryReason.USER_NOT_CONNECTED));
        if (token.expiresAt() != null && fresh(token)) {
            cache.put(key, token);
        } else {
            cache.remove(key);
        }
        return token;
    }

    /**
     * Gets the user's token ready for the next {@link #token} call (not a refresh) without a network call there: a
     * token is cached; a refusal ({@link ConnectionUnavailable}) is kept briefly for that one call, which throws it
     * as it would have. Anything else (integration-service unreachable, 5xx) is thrown here.
     */
    public void prefetch(Provider<?> provider, UUID practiceId, UUID userId) {
        Key key = new Key(provider.path(), practiceId, userId);
        prefetched.remove(key); // ask again rather than keep an older answer alive
        try {
            Token token = token(provider, practiceId, userId, false);
            if (cache.get(key) != token) {
                prefetched.put(key, new Prefetched(token, null, Instant.now().plus(PREFETCH_KEPT)));
            }
        } catch (ConnectionUnavailable e) {
            prefetched.put(key, new Prefetched(null, e, Instant.now().plus(PREFETCH_KEPT)));
        }
    }

    public void forget(Provider<?> provider, UUID practiceId, UUID userId) {
        Key key = new Key(provider.path(), practiceId, userId);
        cache.remove(key);
        prefetched.remove(key);
    }

    /** The provider still refused the token after a refresh: integration-service marks the user's connection broken. */
    public void rejected(Provider<?> provider, UUID practiceId, UUID userId, String reason) {
        forget(provider, practiceId, userId);
        http.post()
                .uri("/internal/practices/{practiceId}/users/{userId}/connections/{provider}/rejected",
                        practiceId, userId, provider.path())
                .body(new Rejection(reason))
                .retrieve()
                .toBodilessEntity();
    }

    private static boolean fresh(Token token) {
        return token.expiresAt() == null || token.expiresAt().minus(EARLY).isAfter(Instant.now());
    }
}

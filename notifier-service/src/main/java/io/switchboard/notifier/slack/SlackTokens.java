package io.switchboard.notifier.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.platform.security.InternalTokens;

/**
 * A practice's Slack bot token from integration-service's internal API, cached briefly in memory only. Never
 * logged, never stored, never put in an event; {@link #forget} drops it when Slack says it is no longer valid.
 */
@Component
public class SlackTokens {

    /** The bot's connection, as integration-service hands it out; {@code toString} hides the token. */
    public record SlackConnection(String teamId, String botUserId, String botToken) {
        @Override
        public String toString() {
            return "SlackConnection[teamId=" + teamId + ", botUserId=" + botUserId + ", botToken=***]";
        }
    }

    private record Cached(SlackConnection connection, Instant expires) {
    }

    /** A refusal {@link #prefetch} got, kept for the send that follows it. */
    private record Refused(ConnectionUnavailable refusal, Instant expires) {
    }

    /** How long a refusal found by {@link #prefetch} waits for its send (which normally follows within moments). */
    private static final Duration REFUSAL_KEPT = Duration.ofSeconds(10);

    private final RestClient http;
    private final Duration ttl;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Refused> refused = new ConcurrentHashMap<>();

    public SlackTokens(RestClient.Builder builder, InternalTokens internalTokens,
                       @Value("${switchboard.integration.base-url:http://localhost:8082}") String baseUrl,
                       @Value("${switchboard.notifier.slack.token-cache-ttl:PT5M}") Duration ttl) {
        this.http = builder.clone().baseUrl(baseUrl).requestInterceptor(internalTokens.interceptor()).build();
        this.ttl = ttl;
    }

    /**
     * @throws ConnectionUnavailable with {@code PROVIDER_DISCONNECTED} (no Slack for the practice) or
     *                               {@code CONNECTION_NEEDS_REAUTH} (integration-service marked it broken)
     */
    public SlackConnection connection(UUID practiceId) {
        Cached cached = cache.get(practiceId);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return cached.connection();
        }
        Refused refusal = refused.remove(practiceId);
        if (refusal != null && refusal.expires().isAfter(Instant.now())) {
            throw new ConnectionUnavailable(refusal.refusal().reason());
        }
        SlackConnection connection = Optional.ofNullable(http.get()
                        .uri("/internal/practices/{practiceId}/connections/slack/token", practiceId)
                        .retrieve()
                        .onStatus(status -> ConnectionUnavailable.isConnectionAnswer(status.value()),
                                (request, response) -> {
                                    throw ConnectionUnavailable.from(response);
                                })
                        .body(SlackConnection.class))
                .orElseThrow(() -> new ConnectionUnavailable(DeliveryReason.PROVIDER_DISCONNECTED));
        cache.put(practiceId, new Cached(connection, Instant.now().plus(ttl)));
        return connection;
    }

    /**
     * Gets the practice's connection ready for the next {@link #connection} call without a network call there: the
     * token is cached; a refusal (not connected, needs re-authorising) is kept briefly for that one call, which
     * throws it as it would have. Anything else (integration-service unreachable, 5xx) is thrown here.
     */
    public void prefetch(UUID practiceId) {
        refused.remove(practiceId); // ask again rather than keep an older refusal alive
        try {
            connection(practiceId);
        } catch (ConnectionUnavailable e) {
            refused.put(practiceId, new Refused(e, Instant.now().plus(REFUSAL_KEPT)));
        }
    }

    /** Drops the cached token once Slack rejected it, so the next send asks integration-service again. */
    public void forget(UUID practiceId) {
        cache.remove(practiceId);
        refused.remove(practiceId);
    }

    static boolean isClientError(HttpStatusCode status) {
        return status.is4xxClientError();
    }
}

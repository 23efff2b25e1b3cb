package io.switchboard.gmail.access;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;

import io.switchboard.contracts.integration.ConnectionStatus;

/**
 * The one way into a user's Gmail: checks that Gmail may be used (G6), fetches the user's token from
 * integration-service, and calls Gmail through the real client. A 401 refreshes the token once; a
 * second 401 reports the token as rejected and answers {@code GMAIL_NEEDS_REAUTH}. A 429 becomes
 * {@code GMAIL_RATE_LIMITED} with Gmail's {@code Retry-After}, for the caller to back off. Tokens and
 * message content are never logged.
 */
@Component
public class GmailAccess {

    /** Who may call the add-on API: the practice's staff and admins, never a client's portal user. */
    public static final String STAFF_ONLY = "hasAnyRole('PRACTICE_ADMIN', 'STAFF')";

    private static final Logger log = LoggerFactory.getLogger(GmailAccess.class);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    /** One call against a user's Gmail. */
    @FunctionalInterface
    public interface GmailCall<T> {
        T run(Gmail gmail) throws IOException;
    }

    private record Key(UUID practiceId, UUID userId) {
    }

    private final Connections connections;
    private final IntegrationClient integration;
    private final GmailProperties properties;
    private final HttpTransport transport = new NetHttpTransport();
    private final Map<Key, UserToken> tokens = new ConcurrentHashMap<>();

    GmailAccess(Connections connections, IntegrationClient integration, GmailProperties properties) {
        this.connections = connections;
        this.integration = integration;
        this.properties = properties;
    }

    /**
     * Refuses when Gmail is disabled for the practice, the user is not connected or their connection is
     * broken. The projection answers what it knows; when it cannot say yes for both, the token endpoint decides.
     */
    public void requireUsable(UUID practiceId, UUID userId) {
        Optional<ConnectionStatus> practice = connections.practice(practiceId);
        if (practice.isPresent() && practice.get() != ConnectionStatus.CONNECTED) {
            throw new GmailUnavailableException(GmailReason.GMAIL_DISABLED);
        }
        Optional<ConnectionStatus> user = connections.user(practiceId, userId);
        if (user.isPresent() && user.get() == ConnectionStatus.BROKEN) {
            throw new GmailUnavailableException(GmailReason.GMAIL_NEEDS_REAUTH);
        }
        if (user.isPresent() && user.get() == ConnectionStatus.DISCONNECTED) {
            throw new GmailUnavailableException(GmailReason.GMAIL_NOT_CONNECTED);
        }
        if (practice.isEmpty() || user.isEmpty()) {
            token(practiceId, userId);
        }
    }

    /** The user's current token (cached in memory until shortly before it expires). */
    public UserToken token(UUID practiceId, UUID userId) {
        Key key = new Key(practiceId, userId);
        UserToken cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expiresAt().minus(EXPIRY_MARGIN))) {
            return cached;
        }
        return fetch(key, false);
    }

    /** Runs {@code call} against the user's Gmail after {@link #requireUsable}. */
    public <T> T call(UUID practiceId, UUID userId, GmailCall<T> call) {
        requireUsable(practiceId, userId);
        Key key = new Key(practiceId, userId);
        UserToken token = token(practiceId, userId);
        try {
            try {
                return call.run(gmail(token));
            } catch (GoogleJsonResponseException e) {
                if (e.getStatusCode() != 401) {
                    throw e;
                }
                UserToken refreshed = fetch(key, true);
                try {
                    return call.run(gmail(refreshed));
                } catch (GoogleJsonResponseException again) {
                    if (again.getStatusCode() == 401) {
                        tokens.remove(key);
                        integration.rejected(practiceId, userId, "Gmail answered 401 after a token refresh");
                        throw new GmailUnavailableException(GmailReason.GMAIL_NEEDS_REAUTH);
                    }
                    throw again;
                }
            }
        } catch (GoogleJsonResponseException e) {
            throw translate(e);
        } catch (IOException e) {
            log.warn("Gmail call failed: {}", e.getClass().getSimpleName());
            throw new GmailUnavailableException(GmailReason.GMAIL_UNAVAILABLE);
        }
    }

    private UserToken fetch(Key key, boolean refresh) {
        try {
            UserToken token = integration.token(key.practiceId(), key.userId(), refresh);
            tokens.put(key, token);
            return token;
        } catch (GmailUnavailableException e) {
            tokens.remove(key);
            throw e;
        }
    }

    private Gmail gmail(UserToken token) {
        return new Gmail.Builder(transport, GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + token.accessToken()))
                .setRootUrl(properties.rootUrl())
                .setApplicationName("switchboard-gmail-sync")
                .build();
    }

    private static RuntimeException translate(GoogleJsonResponseException e) {
        int status = e.getStatusCode();
        String reason = reason(e);
        if (status == 404) {
            return new MessageNotFoundException("Gmail message", "requested");
        }
        if (status == 429 || status == 403 && reason != null && reason.toLowerCase().contains("ratelimit")) {
            return new GmailUnavailableException(GmailReason.GMAIL_RATE_LIMITED, retryAfter(e));
        }
        if (status == 403 && "insufficientPermissions".equals(reason)) {
            return new GmailUnavailableException(GmailReason.GMAIL_SCOPE_MISSING);
        }
        if (status == 400) {
            return new GmailRequestRejectedException(e.getDetails() == null ? "Gmail refused the request"
                    : e.getDetails().getMessage());
        }
        log.warn("Gmail answered {} ({})", status, reason);
        return new GmailUnavailableException(GmailReason.GMAIL_UNAVAILABLE);
    }

    private static String reason(GoogleJsonResponseException e) {
        GoogleJsonError details = e.getDetails();
        if (details == null || details.getErrors() == null || details.getErrors().isEmpty()) {
            return details == null ? null : String.valueOf(details.get("status"));
        }
        return details.getErrors().get(0).getReason();
    }

    /** Gmail's {@code Retry-After} in seconds, else a default; a date form is read as the default too. */
    public static Duration retryAfter(GoogleJsonResponseException e) {
        String value = e.getHeaders() == null ? null : e.getHeaders().getFirstHeaderStringValue("Retry-After");
        if (value != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
            } catch (NumberFormatException dateForm) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        return DEFAULT_RETRY_AFTER;
    }
}

package io.switchboard.notifier.teams;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.contracts.notification.TeamsNotificationRequested;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.ConnectionUnavailable;
import io.switchboard.notifier.delivery.DelegatedTokens;
import io.switchboard.notifier.delivery.SendReceipt;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * N3: posts a channel message with the real Microsoft Graph SDK,
 * {@code POST /teams/{team}/channels/{channel}/messages}, with the sharing user's delegated token (Graph posts
 * channel messages only on a user's behalf).
 *
 * <p>One Graph attempt per claim: the SDK's {@link RetryHandler} (which retries 429/503/504 itself, sleeping up to
 * Retry-After inside the worker thread) is left out of the HTTP pipeline, so a 429 comes back to the drainer at once,
 * which blocks only that channel for Retry-After and puts the row back in the queue — pacing and Retry-After stay in
 * the ledger, across instances and restarts, and a worker thread never sleeps. The one exception is the 401 rule:
 * after a 401 the token is refreshed once and the post tried once more in the same claim.
 */
@Component
public class TeamsSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(TeamsSender.class);

    private final DelegatedTokens tokens;
    private final String graphBase;
    private final String graphHost;
    private final OkHttpClient http;

    public TeamsSender(DelegatedTokens tokens,
                       @Value("${switchboard.microsoft.graph-base:https://graph.microsoft.com}") String graphBase,
                       @Value("${switchboard.notifier.teams.timeout:PT20S}") Duration timeout) {
        this.tokens = tokens;
        this.graphBase = graphBase.replaceAll("/+$", "") + "/v1.0";
        this.graphHost = URI.create(this.graphBase).getHost();
        GraphClientOption option = new GraphClientOption();
        List<Interceptor> interceptors = java.util.Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(option))
                .filter(interceptor -> !(interceptor instanceof RetryHandler))
                .toList();
        this.http = GraphClientFactory.create(option, interceptors)
                .callTimeout(timeout)
                .build();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.TEAMS;
    }

    /** The sending user's delegated token, before the row is claimed ({@link DelegatedTokens#prefetch}). */
    @Override
    public void prepare(NotificationRequest request) {
        TeamsNotificationRequested command = (TeamsNotificationRequested) request;
        tokens.prefetch(TeamsToken.TEAMS, command.practiceId(), command.sendingUserId());
    }

    @Override
    public SendReceipt send(NotificationRequest request) {
        TeamsNotificationRequested command = (TeamsNotificationRequested) request;
        try {
            TeamsToken token = tokens.token(TeamsToken.TEAMS, command.practiceId(), command.sendingUserId(), false);
            Outcome outcome = post(token, command);
            if (outcome.status() == 401) {
                tokens.forget(TeamsToken.TEAMS, command.practiceId(), command.sendingUserId());
                outcome = post(tokens.token(TeamsToken.TEAMS, command.practiceId(), command.sendingUserId(), true), command);
                if (outcome.status() == 401) {
                    try {
                        tokens.rejected(TeamsToken.TEAMS, command.practiceId(), command.sendingUserId(),
                                "Microsoft Graph answered 401 after a token refresh: " + outcome.code());
                    } catch (RestClientException e) {
                        // The outcome stands (Graph refused the user's token); the next refusal reports it again.
                        log.warn("could not report the rejected Teams token of user {}: {}", command.sendingUserId(),
                                e.getClass().getSimpleName());
                    }
                    return SendReceipt.permanent(DeliveryReason.CONNECTION_NEEDS_REAUTH,
                            "Microsoft Graph refused the sender's token (401 " + outcome.code()
                                    + "); the sender must reconnect Teams in My Profile");
                }
            }
            return outcome.receipt();
        } catch (ConnectionUnavailable e) {
            return SendReceipt.permanent(e.reason(), switch (e.reason()) {
                case USER_NOT_CONNECTED -> "the sending user has not connected Teams";
                case CONNECTION_NEEDS_REAUTH -> "the sending user's Microsoft connection needs re-authorising";
                default -> "Teams is not connected for the practice";
            });
        } catch (RestClientException e) {
            return SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE,
                    "token lookup failed: " + e.getClass().getSimpleName());
        }
    }

    /** What one Graph call answered: a status (201 or the error's) and the receipt it maps to. */
    private record Outcome(int status, String code, SendReceipt receipt) {
    }

    private Outcome post(TeamsToken token, TeamsNotificationRequested command) {
        GraphServiceClient graph = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new StoredToken(token.accessToken(), graphHost)), http);
        graph.getRequestAdapter().setBaseUrl(graphBase);
        try {
            ChatMessage posted = graph.teams().byTeamId(command.teamId()).channels().byChannelId(command.channelId())
                    .messages().post(TeamsMessages.message(command.content(), command.mentions()));
            return new Outcome(201, null, SendReceipt.delivered(posted == null ? null : posted.getId()));
        } catch (ApiException e) {
            return outcome(command, e);
        } catch (RuntimeException e) {
            // Kiota wraps I/O failures (connect, timeout, reset) in unchecked exceptions without a status.
            return new Outcome(0, null, SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE,
                    "Graph unreachable: " + rootCause(e).getClass().getSimpleName()));
        }
    }

    private Outcome outcome(TeamsNotificationRequested command, ApiException e) {
        int status = e.getResponseStatusCode();
        String code = e instanceof ODataError odata && odata.getError() != null && odata.getError().getCode() != null
                ? odata.getError().getCode() : "HTTP " + status;
        SendReceipt receipt;
        if (status == 401) {
            receipt = SendReceipt.permanent(DeliveryReason.CONNECTION_NEEDS_REAUTH, code);
        } else if (status == 403 || status == 404) {
            receipt = SendReceipt.permanent(DeliveryReason.CHANNEL_NOT_FOUND, code + " (team " + command.teamId()
                    + ", channel " + command.channelId() + ")");
        } else if (status == 400) {
            receipt = SendReceipt.permanent(DeliveryReason.MESSAGE_REJECTED, code + ": " + message(e));
        } else if (status == 429) {
            Duration wait = retryAfter(e.getResponseHeaders());
            receipt = SendReceipt.rateLimited(wait, SendReceipt.Scope.TARGET,
                    "HTTP 429, Retry-After " + wait.toSeconds() + "s");
        } else if (status >= 500 || status == 0 || status == 408) {
            receipt = SendReceipt.transientFailure(DeliveryReason.PROVIDER_UNAVAILABLE, code);
        } else {
            log.warn("Graph answered {} {} for notification {}", status, code, command.notificationId());
            receipt = SendReceipt.permanent(DeliveryReason.PROVIDER_ERROR, code);
        }
        return new Outcome(status, code, receipt);
    }

    private static String message(ApiException e) {
        if (e instanceof ODataError odata && odata.getError() != null && odata.getError().getMessage() != null) {
            String text = odata.getError().getMessage();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
        return "the message was refused";
    }

    /** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(Map<String, Set<String>> headers) {
        if (headers != null) {
            for (Map.Entry<String, Set<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty()) {
                    String value = header.getValue().iterator().next().trim();
                    try {
                        return Duration.ofSeconds(Math.max(1, Long.parseLong(value)));
                    } catch (NumberFormatException notSeconds) {
                        try {
                            Duration until = Duration.between(Instant.now(),
                                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                            return until.isNegative() || until.isZero() ? Duration.ofSeconds(1) : until;
                        } catch (RuntimeException notADate) {
                            return Duration.ofSeconds(1);
                        }
                    }
                }
            }
        }
        return Duration.ofSeconds(1);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Hands Graph the token integration-service gave us, and only to the configured Graph host. */
    private record StoredToken(String token, String host) implements AccessTokenProvider {
        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return getAllowedHostsValidator().isUrlHostValid(uri) ? token : "";
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator(host);
        }

        @Override
        public String toString() {
            return "StoredToken[host=" + host + ", token=***]";
        }
    }
}

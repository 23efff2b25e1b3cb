package io.switchboard.integration.teams;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;

import okhttp3.OkHttpClient;

/**
 * Microsoft Graph through the official SDK at the configured base, with a user's delegated token. The token
 * is only ever sent to the configured Graph host. Graph errors become problems that name no token.
 */
@Component
public class GraphApi {

    private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

    private final MicrosoftProperties properties;
    private final OkHttpClient http;
    private final String graphHost;

    GraphApi(MicrosoftProperties properties) {
        this.properties = properties;
        // The SDK's retry handler would wait out a 429's Retry-After (up to minutes) on a request thread; we
        // answer 503 with Retry-After instead and let the caller come back.
        this.http = GraphClientFactory.create(new RequestOption[] {
                new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0)}).build();
        this.graphHost = URI.create(properties.graphBase()).getHost();
    }

    /** The token was refused: expired, revoked, or its grant withdrawn. */
    public static final class Unauthorized extends RuntimeException {
        Unauthorized(String what) {
            super("Graph refused the token for " + what);
        }
    }

    /** A Graph client acting as the user whose access token this is. */
    public GraphServiceClient as(String accessToken) {
        AccessTokenProvider tokens = new AccessTokenProvider() {
            private final AllowedHostsValidator hosts = new AllowedHostsValidator(graphHost);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return hosts.isUrlHostValid(uri) ? accessToken : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
        graph.getRequestAdapter().setBaseUrl(properties.graphBase() + "/v1.0");
        return graph;
    }

    /** Runs a call; 401 is {@link Unauthorized}, 404 answers {@code null}, anything else a problem. */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            int status = e.getResponseStatusCode();
            if (status == 401) {
                throw new Unauthorized(what);
            }
            if (status == 404) {
                return null;
            }
            if (status == 429) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Microsoft Graph is throttling " + what + "; try again shortly.");
                problem.setProperty("reason", "PROVIDER_RATE_LIMITED");
                ErrorResponseException limited = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
                e.getResponseHeaders().getOrDefault("Retry-After", java.util.Set.of()).stream().findFirst()
                        .ifPresent(value -> limited.getHeaders().set(HttpHeaders.RETRY_AFTER, value));
                throw limited;
            }
            log.warn("Graph {} answered HTTP {}", what, status);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    "Microsoft Graph refused " + what + " (HTTP " + status + ").");
            problem.setProperty("reason", "PROVIDER_ERROR");
            throw new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
        } catch (RuntimeException e) {
            if (e instanceof ErrorResponseException || e instanceof Unauthorized) {
                throw e;
            }
            log.warn("Graph {} could not be reached: {}", what, e.getClass().getSimpleName());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    "Microsoft Graph did not answer " + what + "; try again later.");
            problem.setProperty("reason", "PROVIDER_UNAVAILABLE");
            throw new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
        }
    }
}

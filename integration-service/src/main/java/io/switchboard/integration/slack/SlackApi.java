package io.switchboard.integration.slack;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

/**
 * The Slack Web API through the official client, at the configured base URL, with the client's own
 * metrics calls switched off. Turns transport failures and 429s into problem responses that name no token.
 */
@Component
public class SlackApi {

    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

    private final Slack slack;
    private final SlackProperties properties;

    SlackApi(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiBase() + "/api/");
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(config);
        this.properties = properties;
    }

    /** A client for calls that carry no token (the OAuth code exchange). */
    public MethodsClient methods() {
        return slack.methods();
    }

    /** A client for calls made with a bot token. */
    public MethodsClient methods(String token) {
        return slack.methods(token);
    }

    /** The URL of a Web API method, as the client builds it. */
    String methodUrl(String method) {
        return properties.apiBase() + "/api/" + method;
    }

    /** Runs a call and returns Slack's answer (ok or not); a 429 or an unreachable Slack becomes a problem. */
    public <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            if (e.getResponse() != null && e.getResponse().code() == 429) {
                String retryAfter = e.getResponse().header("Retry-After");
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Slack is rate limiting " + method + "; try again in " + retryAfter + " s.");
                problem.setProperty("reason", "PROVIDER_RATE_LIMITED");
                ErrorResponseException limited = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
                if (retryAfter != null) {
                    limited.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
                }
                throw limited;
            }
            log.warn("Slack {} answered HTTP {}", method, e.getResponse() == null ? "?" : e.getResponse().code());
            throw unavailable(method);
        } catch (IOException e) {
            log.warn("Slack {} could not be reached: {}", method, e.getClass().getSimpleName());
            throw unavailable(method);
        }
    }

    /** A Slack answer with {@code ok: false}, as a problem the caller can act on. */
    public static ErrorResponseException refused(String method, String error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "Slack refused " + method + ": " + error + ".");
        problem.setProperty("reason", "PROVIDER_ERROR");
        problem.setProperty("providerError", error);
        return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
    }

    private static ErrorResponseException unavailable(String method) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "Slack did not answer " + method + "; try again later.");
        problem.setProperty("reason", "PROVIDER_UNAVAILABLE");
        return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
    }

    /** One Web API call. */
    @FunctionalInterface
    public interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}

package io.switchboard.sandbox.support;

import java.net.URI;
import java.util.Map;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.switchboard.sandbox.ProviderSandbox;

/**
 * Graph SDK clients pointed at the sandbox, the way the Teams workers build theirs: a bearer provider over a
 * stored token, and the base URL from configuration.
 */
public final class GraphClients {

    private GraphClients() {
    }

    /** The SDK as it comes: its retry handler waits out a 429's {@code Retry-After} and retries up to 3 times. */
    public static GraphServiceClient withDefaultRetries(ProviderSandbox sandbox, String accessToken) {
        GraphServiceClient graph = new GraphServiceClient(authentication(accessToken));
        graph.getRequestAdapter().setBaseUrl(sandbox.graphBaseUrl());
        return graph;
    }

    /** The SDK with its retry handler told never to retry, so a 429 reaches the caller as an exception at once. */
    public static GraphServiceClient withoutRetries(ProviderSandbox sandbox, String accessToken) {
        RetryHandlerOption noRetries = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
        GraphServiceClient graph = new GraphServiceClient(authentication(accessToken),
                GraphClientFactory.create(new RequestOption[] {noRetries}).build());
        graph.getRequestAdapter().setBaseUrl(sandbox.graphBaseUrl());
        return graph;
    }

    private static BaseBearerTokenAuthenticationProvider authentication(String accessToken) {
        return new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
                return accessToken;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator();
            }
        });
    }
}

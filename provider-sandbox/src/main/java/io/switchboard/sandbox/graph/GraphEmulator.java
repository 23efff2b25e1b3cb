package io.switchboard.sandbox.graph;

import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.provider.ProviderEmulator;

/** Microsoft Graph, {@code https://graph.microsoft.com/v1.0/…}, at {@code /v1.0/…} (and {@code /beta/…}). */
@Component
public class GraphEmulator implements ProviderEmulator {

    public static final String NAME = "graph";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPatterns() {
        return List.of("/v1.0/**", "/beta/**");
    }

    @Override
    public Object rateLimitedBody(long retryAfterSeconds) {
        return GraphError.of("TooManyRequests", "Too many requests. Retry after " + retryAfterSeconds + " seconds.");
    }
}

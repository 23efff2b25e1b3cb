package io.switchboard.sandbox.slack;

import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.provider.ProviderEmulator;

/** The Slack Web API, {@code https://slack.com/api/<method>}, at {@code /api/<method>}. */
@Component
public class SlackEmulator implements ProviderEmulator {

    public static final String NAME = "slack";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPatterns() {
        return List.of("/api/**");
    }

    @Override
    public Object rateLimitedBody(long retryAfterSeconds) {
        return SlackErrorResponse.of("ratelimited");
    }
}

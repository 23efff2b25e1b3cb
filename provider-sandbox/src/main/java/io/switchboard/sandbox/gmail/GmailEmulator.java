package io.switchboard.sandbox.gmail;

import java.util.List;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.provider.ProviderEmulator;

/** The Gmail API, {@code https://gmail.googleapis.com/gmail/v1/…}, at {@code /gmail/v1/…} and its upload path. */
@Component
public class GmailEmulator implements ProviderEmulator {

    public static final String NAME = "gmail";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> pathPatterns() {
        return List.of("/gmail/v1/**", "/upload/gmail/v1/**");
    }

    @Override
    public Object rateLimitedBody(long retryAfterSeconds) {
        return GoogleError.of(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded",
                "Quota exceeded for quota metric 'Queries' of service 'gmail.googleapis.com'.");
    }
}

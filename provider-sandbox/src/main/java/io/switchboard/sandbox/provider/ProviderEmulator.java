package io.switchboard.sandbox.provider;

import java.util.List;

/**
 * One emulated provider (Slack, Microsoft identity, Graph, Gmail): the paths it answers on, which the
 * recorder uses to attribute requests, and the body it throttles with, which real clients parse.
 *
 * <p>To add a provider: a package with one bean implementing this, its controllers under those paths,
 * a fallback for paths it does not emulate yet, and its limits under {@code sandbox.limits.<name>}.
 */
public interface ProviderEmulator {

    /** The provider's name in recordings, limits and the JSON API, e.g. {@code slack}. */
    String name();

    /** Spring path patterns of the provider's API on the sandbox, e.g. {@code /api/**}. */
    List<String> pathPatterns();

    /** The JSON body the real provider sends with its HTTP 429. */
    Object rateLimitedBody(long retryAfterSeconds);
}

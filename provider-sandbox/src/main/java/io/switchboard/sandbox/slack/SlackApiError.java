package io.switchboard.sandbox.slack;

import java.util.List;

/**
 * A Slack Web API failure such as {@code invalid_auth} or {@code channel_not_found}: Slack answers these
 * with HTTP 200 and {@code {"ok":false,"error":…}}, which is what its clients expect. Some errors, such as
 * {@code invalid_blocks}, come with the problems found ({@code errors} and {@code response_metadata.messages}).
 */
public class SlackApiError extends RuntimeException {

    private final String error;
    private final List<String> details;

    public SlackApiError(String error) {
        this(error, List.of());
    }

    public SlackApiError(String error, List<String> details) {
        super(error);
        this.error = error;
        this.details = List.copyOf(details);
    }

    public String error() {
        return error;
    }

    /** What exactly was wrong, in Slack's words; empty for most errors. */
    public List<String> details() {
        return details;
    }
}

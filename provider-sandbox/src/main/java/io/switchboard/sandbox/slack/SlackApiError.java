package io.switchboard.sandbox.slack;

/**
 * A Slack Web API failure such as {@code invalid_auth} or {@code channel_not_found}: Slack answers these
 * with HTTP 200 and {@code {"ok":false,"error":…}}, which is what its clients expect.
 */
public class SlackApiError extends RuntimeException {

    private final String error;

    public SlackApiError(String error) {
        super(error);
        this.error = error;
    }

    public String error() {
        return error;
    }
}

package io.switchboard.gateway.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings the gateway needs ({@code switchboard.slack.*}).
 *
 * @param signingSecret          the Slack app's signing secret (env {@code SWITCHBOARD_SLACK_SIGNING_SECRET});
 *                               without it every Slack request is refused
 * @param replayCacheSize        how many accepted signatures are remembered to refuse replays
 */
@ConfigurationProperties("switchboard.slack")
public record SlackProperties(String signingSecret, @DefaultValue("100000") int replayCacheSize) {

    @Override
    public String toString() {
        return "SlackProperties[signingSecret=" + (signingSecret == null || signingSecret.isBlank() ? "<unset>" : "<set>")
                + ", replayCacheSize=" + replayCacheSize + "]";
    }
}

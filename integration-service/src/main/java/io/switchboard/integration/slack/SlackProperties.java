package io.switchboard.integration.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Slack is and who we are to it ({@code switchboard.slack.*}): production points both bases at
 * {@code https://slack.com}, tests and the dev stack at the provider sandbox.
 *
 * @param apiBase      the Web API base; methods are called at {@code {apiBase}/api/<method>}
 * @param oauthBase    where the admin's browser authorises the app: {@code {oauthBase}/oauth/v2/authorize}
 * @param clientId     the Slack app's client id
 * @param clientSecret the Slack app's client secret
 * @param scopes       the bot scopes asked for, comma-separated
 * @param redirectUri  the public callback URL registered with the Slack app
 * @param signingSecret the Slack app's signing secret, which signs its interactivity requests (env
 *                      {@code SWITCHBOARD_SLACK_SIGNING_SECRET}, the gateway's too); without it every such request
 *                      is refused
 * @param replayCacheSize how many accepted Slack signatures are remembered to refuse replays
 */
@ConfigurationProperties("switchboard.slack")
public record SlackProperties(String apiBase, String oauthBase, String clientId, String clientSecret, String scopes,
                              String redirectUri, String signingSecret, @DefaultValue("100000") int replayCacheSize) {

    public SlackProperties {
        apiBase = trimSlash(apiBase == null ? "https://slack.com" : apiBase);
        oauthBase = trimSlash(oauthBase == null ? "https://slack.com" : oauthBase);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "SlackProperties[apiBase=" + apiBase + ", oauthBase=" + oauthBase + ", clientId=" + clientId
                + ", scopes=" + scopes + ", redirectUri=" + redirectUri + ", signingSecret="
                + (signingSecret == null || signingSecret.isBlank() ? "<unset>" : "<set>")
                + ", replayCacheSize=" + replayCacheSize + "]";
    }
}

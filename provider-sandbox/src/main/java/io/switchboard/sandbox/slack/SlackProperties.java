package io.switchboard.sandbox.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.slack.*}: the interactivity settings for apps that were registered without their own
 * ({@code SANDBOX_SLACK_SIGNINGSECRET}, {@code SANDBOX_SLACK_INTERACTIVITYURL}), the legacy verification token
 * put in interaction payloads, and how long the sandbox waits for the app to answer a button press.
 *
 * @param signingSecret        the app's signing secret that interaction requests are signed with; none by default
 * @param interactivityUrl     the app's interactivity Request URL; none by default
 * @param verificationToken    the deprecated {@code token} field of interaction payloads
 * @param interactivityTimeout how long to wait for the app's answer (Slack shows the user an error after 3 s;
 *                             the sandbox waits longer so that a slow test machine does not fail a press)
 */
@ConfigurationProperties("sandbox.slack")
public record SlackProperties(
        String signingSecret,
        String interactivityUrl,
        @DefaultValue("sandboxLegacyVerificationToken") String verificationToken,
        @DefaultValue("10s") Duration interactivityTimeout) {

    @Override
    public String toString() {
        return "SlackProperties[signingSecret=" + (signingSecret == null || signingSecret.isBlank() ? "<unset>" : "<set>")
                + ", interactivityUrl=" + interactivityUrl + ", interactivityTimeout=" + interactivityTimeout + "]";
    }
}

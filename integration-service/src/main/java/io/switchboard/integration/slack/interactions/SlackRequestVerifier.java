package io.switchboard.integration.slack.interactions;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.switchboard.integration.slack.SlackProperties;
import io.switchboard.slack.signing.SeenSignatures;
import io.switchboard.slack.signing.SlackSignatureVerifier;

/**
 * Decides whether a request comes from Slack: a valid v0 signature of the raw body with the app's signing
 * secret, a timestamp within five minutes, and a signature not accepted before (replays are refused for as
 * long as the timestamp could still pass). Without a configured signing secret nothing comes from Slack.
 */
@Component
class SlackRequestVerifier {

    private static final Logger log = LoggerFactory.getLogger(SlackRequestVerifier.class);

    private final SlackSignatureVerifier verifier;
    private final SeenSignatures seen;

    SlackRequestVerifier(SlackProperties properties) {
        Clock clock = Clock.systemUTC();
        if (properties.signingSecret() == null || properties.signingSecret().isBlank()) {
            log.warn("switchboard.slack.signing-secret is not set: Slack interactivity requests will be refused");
            this.verifier = null;
        } else {
            this.verifier = new SlackSignatureVerifier(properties.signingSecret(), clock);
        }
        this.seen = new SeenSignatures(clock, SlackSignatureVerifier.TOLERANCE.multipliedBy(2),
                properties.replayCacheSize());
    }

    /** True for a genuine, fresh, first-seen Slack request; the reason for a refusal is only logged. */
    boolean genuine(String timestamp, String signature, byte[] body) {
        if (verifier == null) {
            log.warn("Slack request refused: no signing secret is configured");
            return false;
        }
        SlackSignatureVerifier.Outcome outcome = verifier.verify(timestamp, signature, body);
        if (!outcome.isValid()) {
            log.info("Slack request refused: {}", outcome);
            return false;
        }
        // Only genuine requests are remembered, so forged ones cannot crowd out real signatures.
        if (!seen.firstSighting(signature)) {
            log.info("Slack request refused: replayed");
            return false;
        }
        return true;
    }
}

package io.switchboard.slack.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.switchboard.slack.signing.SlackSignatureVerifier.Outcome;

class SlackSignatureVerifierTest {

    // The worked example in Slack's "Verifying requests from Slack" documentation.
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    final SlackSignatureVerifier verifier = at(Instant.ofEpochSecond(1531420618 + 30));

    @Test
    void acceptsSlacksDocumentedExample() {
        assertThat(verifier.sign(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(verifier.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Outcome.VALID);
    }

    @Test
    void acceptsTimestampsUpToFiveMinutesEitherWayAndNoFurther() {
        long ts = 1531420618;
        assertThat(at(Instant.ofEpochSecond(ts + 300)).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Outcome.VALID);
        assertThat(at(Instant.ofEpochSecond(ts - 300)).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Outcome.VALID);
        assertThat(at(Instant.ofEpochSecond(ts + 301)).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Outcome.OUTSIDE_WINDOW);
        assertThat(at(Instant.ofEpochSecond(ts - 301)).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Outcome.OUTSIDE_WINDOW);
    }

    @Test
    void refusesMissingMalformedAndWrongInput() {
        assertThat(verifier.verify(null, SIGNATURE, BODY)).isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(verifier.verify(TIMESTAMP, null, BODY)).isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(verifier.verify("-1531420618", SIGNATURE, BODY)).isEqualTo(Outcome.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("99999999999999999999999", SIGNATURE, BODY)).isEqualTo(Outcome.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify(TIMESTAMP, SIGNATURE.toUpperCase(), BODY)).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(verifier.verify(TIMESTAMP, "v1=" + SIGNATURE.substring(3), BODY)).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        assertThat(new SlackSignatureVerifier("another-secret", verifierClock()).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void needsASecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new SlackSignatureVerifier(" ", verifierClock())).isInstanceOf(IllegalArgumentException.class);
        assertThat(verifier.toString()).doesNotContain(SECRET);
    }

    static SlackSignatureVerifier at(Instant now) {
        return new SlackSignatureVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Clock verifierClock() {
        return Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC);
    }
}

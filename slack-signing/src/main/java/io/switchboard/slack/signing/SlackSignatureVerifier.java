package io.switchboard.slack.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request comes from Slack: its {@code X-Slack-Signature} must be Slack's v0 signature,
 * {@code v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body))}, compared in constant
 * time, and its {@code X-Slack-Request-Timestamp} within five minutes of now either way. Pure apart from
 * the clock; it never throws on what a caller sends and never reveals the secret. Replays inside the
 * window are the caller's to refuse (see {@link SeenSignatures}).
 */
public final class SlackSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v0";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration tolerance;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this(signingSecret, clock, TOLERANCE);
    }

    public SlackSignatureVerifier(String signingSecret, Clock clock, Duration tolerance) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a Slack signing secret is required");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** What a check found; only {@link #VALID} lets a request through. */
    public enum Outcome {
        VALID, MISSING_HEADERS, MALFORMED_TIMESTAMP, OUTSIDE_WINDOW, SIGNATURE_MISMATCH;

        public boolean isValid() {
            return this == VALID;
        }
    }

    public Outcome verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || body == null) {
            return Outcome.MISSING_HEADERS;
        }
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            return Outcome.MALFORMED_TIMESTAMP;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > tolerance.toSeconds()) {
            return Outcome.OUTSIDE_WINDOW;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Outcome.VALID : Outcome.SIGNATURE_MISMATCH;
    }

    /** The {@code X-Slack-Signature} Slack would send for this timestamp and body. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SlackSignatureVerifier[tolerance=" + tolerance + "]";
    }
}

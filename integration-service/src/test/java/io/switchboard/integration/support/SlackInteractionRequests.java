package io.switchboard.integration.support;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.platform.test.Api;
import io.switchboard.slack.signing.SlackSignatureVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's interactivity requests as Slack sends them: {@code payload=<json>} form-encoded, signed with the
 * app's signing secret (the one this module's tests configure) over the exact bytes sent.
 */
public final class SlackInteractionRequests {

    /** The signing secret the service under test is given (see {@link ProviderSandboxInitializer}). */
    public static final String SIGNING_SECRET = "test-slack-signing-secret-5f1e9a";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SlackSignatureVerifier SLACK = new SlackSignatureVerifier(SIGNING_SECRET, Clock.systemUTC());

    private SlackInteractionRequests() {
    }

    /** A {@code block_actions} payload: {@code userId} of workspace {@code teamId} pressed one button. */
    public static String blockActions(String teamId, String userId, String actionId, String value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action_id", actionId);
        action.put("block_id", "entry-actions");
        action.put("text", Map.of("type", "plain_text", "text", "Mark as actioned"));
        action.put("value", value);
        action.put("type", "button");
        action.put("action_ts", "1800000000.000100");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", teamId, "domain", "harbour"));
        payload.put("user", Map.of("id", userId, "username", "sam", "team_id", teamId));
        payload.put("api_app_id", "A0SWITCHBOARD");
        payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        payload.put("response_url", "https://hooks.slack.com/actions/T0/1/abc");
        payload.put("message", Map.of("type", "message", "text", "Phone message from Ms Nguyen: call back re: BAS"));
        payload.put("actions", List.of(action));
        return JSON.writeValueAsString(payload);
    }

    /**
     * The form body Slack would send: {@code payload=} and the JSON percent-encoded with lower-case hex and
     * {@code %20} for spaces — valid, but not how Java re-encodes a form, so only a check on the bytes as
     * received passes.
     */
    public static byte[] form(String payload) {
        return ("payload=" + percentEncode(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Signed now with the configured secret. */
    public static HttpRequest signed(Api api, byte[] body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return request(api, body, timestamp, SLACK.sign(timestamp, body));
    }

    /** Any timestamp and signature, to try what Slack would never send. */
    public static HttpRequest request(Api api, byte[] body, String timestamp, String signature) {
        HttpRequest.Builder request = api.request("/slack/interactions", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header(SlackSignatureVerifier.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(SlackSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return request.build();
    }

    /** The signature Slack would send for this body and timestamp, with this secret. */
    public static String signature(String secret, String timestamp, byte[] body) {
        return new SlackSignatureVerifier(secret, Clock.systemUTC()).sign(timestamp, body);
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '*') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02x", c));
            }
        }
        return encoded.toString();
    }
}

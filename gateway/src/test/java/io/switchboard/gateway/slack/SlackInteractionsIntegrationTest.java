package io.switchboard.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.gateway.GatewayIntegrationTestSupport;
import io.switchboard.slack.signing.SlackSignatureVerifier;

/** Slack's interactivity endpoint: only genuinely signed, fresh, first-time requests reach the service. */
class SlackInteractionsIntegrationTest extends GatewayIntegrationTestSupport {

    static final String PATH = "/api/integrations/slack/interactions";
    final SlackSignatureVerifier slack = new SlackSignatureVerifier(SLACK_SECRET, Clock.systemUTC());
    final String nonce = UUID.randomUUID().toString();
    final byte[] body = ("payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"trigger_id\":\"" + nonce
            + "\",\"actions\":[{\"action_id\":\"ack\",\"value\":\"d\u00e9j\u00e0 vu \u2713\"}]}", StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void passesASignedRequestToTheIntegrationServiceByteForByteWithItsSlackHeaders() throws Exception {
        String timestamp = now();
        String signature = slack.sign(timestamp, body);

        HttpResponse<String> response = post(timestamp, signature, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reachedService()).isEqualTo(1);
        Received received = received(r -> r.bodyText().contains(nonce)).get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/slack/interactions");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("X-Slack-Signature")).isEqualTo(signature);
        assertThat(received.header("X-Slack-Request-Timestamp")).isEqualTo(timestamp);
        assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void refusesAWrongSignature() throws Exception {
        String timestamp = now();
        String wrong = new SlackSignatureVerifier("not-the-secret", Clock.systemUTC()).sign(timestamp, body);

        assertRefused(post(timestamp, wrong, body));
    }

    @Test
    void refusesAStaleTimestamp() throws Exception {
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        assertRefused(post(stale, slack.sign(stale, body), body));
    }

    @Test
    void refusesATimestampFromTheFuture() throws Exception {
        String future = Long.toString(Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond());

        assertRefused(post(future, slack.sign(future, body), body));
    }

    @Test
    void refusesAReplayOfARequestItAlreadyPassed() throws Exception {
        String timestamp = now();
        String signature = slack.sign(timestamp, body);

        assertThat(post(timestamp, signature, body).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(timestamp, signature, body);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(reachedService()).isEqualTo(1);
    }

    @Test
    void refusesMissingSlackHeaders() throws Exception {
        String timestamp = now();

        assertRefused(post(null, slack.sign(timestamp, body), body));
        assertRefused(post(timestamp, null, body));
    }

    @Test
    void refusesATamperedBody() throws Exception {
        String timestamp = now();
        String signature = slack.sign(timestamp, body);
        byte[] tampered = body.clone();
        tampered[tampered.length - 3] ^= 1;

        assertRefused(post(timestamp, signature, tampered));
    }

    @Test
    void refusesAnUnsignedRequestEvenWithAValidToken() throws Exception {
        HttpResponse<String> response = send(request(PATH).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertRefused(response);
    }

    @Test
    void guardsEverySpellingOfThePath() throws Exception {
        String timestamp = now();
        String wrong = new SlackSignatureVerifier("not-the-secret", Clock.systemUTC()).sign(timestamp, body);
        for (String path : new String[] {PATH + "/", PATH + ";v=1", PATH + "/deeper"}) {
            HttpResponse<String> response = send(request(path).header("Authorization", "Bearer " + token())
                    .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", wrong)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        assertThat(reachedService()).isZero();
    }

    @Test
    void acknowledgesSlackInTimeWhenTheServiceIsSlow() throws Exception {
        String timestamp = now();
        long started = System.nanoTime();

        HttpResponse<String> response = send(slackRequest(timestamp, slack.sign(timestamp, body), body).header(HOLD, "yes"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(reachedService()).isEqualTo(1);
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401", "\"correlationId\"").doesNotContain(SLACK_SECRET);
        assertThat(reachedService()).isZero();
    }

    private long reachedService() {
        return received(r -> r.bodyText().contains(nonce)).size();
    }

    private HttpResponse<String> post(String timestamp, String signature, byte[] requestBody) throws Exception {
        return send(slackRequest(timestamp, signature, requestBody));
    }

    private HttpRequest.Builder slackRequest(String timestamp, String signature, byte[] requestBody) {
        HttpRequest.Builder request = request(PATH).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return request;
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}

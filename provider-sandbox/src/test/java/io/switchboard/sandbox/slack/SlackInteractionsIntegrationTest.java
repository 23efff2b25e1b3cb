package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.slack.SlackChatUpdateIntegrationTest.BUTTON_BLOCKS;
import static io.switchboard.sandbox.slack.SlackChatUpdateIntegrationTest.CHANNEL;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_USER_ID;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated button press reaches the app as Slack sends it: a signed {@code block_actions} request to the
 * app's interactivity Request URL, here a JDK HTTP server that checks the signature itself.
 */
class SlackInteractionsIntegrationTest {

    private static final String APP_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static final SandboxApi api = new SandboxApi(sandbox);
    private static Slack slack;

    private HttpServer app;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** A request the app received, and whether the signature matched the app's own secret. */
    record Received(String body, String timestamp, String signature, String contentType, boolean signatureValid) {
    }

    @BeforeAll
    static void slackClient() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sandbox.slackMethodsUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void closeSlackClient() throws Exception {
        slack.close();
    }

    @BeforeEach
    void seedWorkspaceAndStartTheApp() throws IOException {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/slack/interactions", this::verifyLikeTheApp);
        app.start();
    }

    @AfterEach
    void stopTheApp() {
        app.stop(0);
    }

    /** What a Slack app does: recompute the v0 signature with its secret, 401 when it does not match. */
    private void verifyLikeTheApp(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
        String expected = "v0=" + hmacSha256Hex(APP_SECRET, "v0:" + timestamp + ":" + body);
        boolean valid = signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        received.add(new Received(body, timestamp, signature, exchange.getRequestHeaders().getFirst("Content-Type"), valid));
        byte[] answer = (valid ? "{\"acknowledged\":true}" : "{\"error\":\"bad signature\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(valid ? 200 : 401, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private String requestUrl() {
        return "http://127.0.0.1:" + app.getAddress().getPort() + "/slack/interactions";
    }

    private void registerApp(String signingSecret) {
        ResponseEntity<String> registered = api.postJson("/sandbox/api/slack/apps", Map.of("clientId", "111.222",
                "clientSecret", "s3cret", "teamId", ACME_TEAM_ID, "appId", "A0SWITCHBOARD",
                "signingSecret", signingSecret, "interactivityUrl", requestUrl()));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        assertThat(registered.getBody()).doesNotContain(signingSecret);
    }

    private String postMessageWithButtons() throws Exception {
        return slack.methods(ACME_BOT_TOKEN).chatPostMessage(r -> r.channel(CHANNEL).text("Phone message from Linh")
                .blocksAsString(BUTTON_BLOCKS)).getTs();
    }

    private static Map<String, String> press(String ts, String actionId) {
        return Map.of("teamId", ACME_TEAM_ID, "channelId", CHANNEL, "ts", ts, "userId", "U0AMY", "actionId", actionId);
    }

    @Test
    void pressSendsTheAppASignedBlockActionsPayloadAndAnswersWithTheAppsAnswer() throws Exception {
        registerApp(APP_SECRET);
        String ts = postMessageWithButtons();

        ResponseEntity<String> answer = api.postJson("/sandbox/api/slack/interactions/press",
                press(ts, "switchboard.entry.mark_actioned"));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("{\"acknowledged\":true}");
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(Long.parseLong(request.timestamp())).isPositive();
        assertThat(request.body()).startsWith("payload=");
        JsonNode payload = JsonMapper.shared().readTree(
                URLDecoder.decode(request.body().substring("payload=".length()), StandardCharsets.UTF_8));
        assertThat(payload.get("type").asString()).isEqualTo("block_actions");
        assertThat(payload.get("team").get("id").asString()).isEqualTo(ACME_TEAM_ID);
        assertThat(payload.get("team").get("domain").asString()).isEqualTo("acme-accounting");
        assertThat(payload.get("user").get("id").asString()).isEqualTo("U0AMY");
        assertThat(payload.get("user").get("username").asString()).isEqualTo("amy");
        assertThat(payload.get("user").get("team_id").asString()).isEqualTo(ACME_TEAM_ID);
        assertThat(payload.get("api_app_id").asString()).isEqualTo("A0SWITCHBOARD");
        assertThat(payload.get("token").asString()).isNotBlank();
        assertThat(payload.get("trigger_id").asString()).isNotBlank();
        assertThat(payload.get("response_url").asString()).startsWith("http");
        assertThat(payload.get("container").get("type").asString()).isEqualTo("message");
        assertThat(payload.get("container").get("message_ts").asString()).isEqualTo(ts);
        assertThat(payload.get("container").get("channel_id").asString()).isEqualTo(CHANNEL);
        assertThat(payload.get("container").get("is_ephemeral").asBoolean()).isFalse();
        assertThat(payload.get("channel").get("id").asString()).isEqualTo(CHANNEL);
        assertThat(payload.get("channel").get("name").asString()).isEqualTo("front-desk");
        assertThat(payload.get("message").get("ts").asString()).isEqualTo(ts);
        assertThat(payload.get("message").get("user").asString()).isEqualTo(ACME_BOT_USER_ID);
        assertThat(payload.get("message").get("text").asString()).isEqualTo("Phone message from Linh");
        assertThat(payload.get("message").get("blocks")).hasSize(2);
        JsonNode action = payload.get("actions").get(0);
        assertThat(payload.get("actions")).hasSize(1);
        assertThat(action.get("type").asString()).isEqualTo("button");
        assertThat(action.get("action_id").asString()).isEqualTo("switchboard.entry.mark_actioned");
        assertThat(action.get("value").asString()).isEqualTo("entry-42");
        assertThat(action.get("text").get("text").asString()).isEqualTo("Mark as actioned");
        assertThat(action.get("block_id").asString())
                .isEqualTo(sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow().blocks().get(1).get("block_id").asString());
        assertThat(action.get("action_ts").asString()).matches("\\d{10}\\.\\d{6}");
    }

    @Test
    void aWrongStoredSecretSignsSoThatTheAppRejectsThePress() throws Exception {
        registerApp("not-the-apps-secret");
        String ts = postMessageWithButtons();

        ResponseEntity<String> answer = api.postJson("/sandbox/api/slack/interactions/press",
                press(ts, "switchboard.entry.mark_actioned"));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).contains("bad signature");
        assertThat(received).singleElement().satisfies(request -> assertThat(request.signatureValid()).isFalse());
    }

    @Test
    void theDeliveryIsRecordedWithItsSignatureAndTheAppsStatusAndTheTokenMasked() throws Exception {
        registerApp(APP_SECRET);
        String ts = postMessageWithButtons();

        api.postJson("/sandbox/api/slack/interactions/press", press(ts, "switchboard.entry.mark_actioned"));

        List<RecordedRequest> deliveries = sandbox.requests("slack").stream()
                .filter(request -> request.path().equals(requestUrl())).toList();
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.header("X-Slack-Signature")).isEqualTo(received.get(0).signature());
            assertThat(delivery.header("X-Slack-Request-Timestamp")).isEqualTo(received.get(0).timestamp());
            assertThat(delivery.formValue("payload")).contains("\"block_actions\"", "switchboard.entry.mark_actioned")
                    .doesNotContain("sandboxLegacyVerificationToken");
        });
    }

    @Test
    void pressOnAButtonTheMessageDoesNotHaveIsNotFoundAndReachesNoApp() throws Exception {
        registerApp(APP_SECRET);
        String ts = postMessageWithButtons();

        ResponseEntity<String> noButton = api.postJson("/sandbox/api/slack/interactions/press", press(ts, "no.such.action"));
        ResponseEntity<String> noMessage = api.postJson("/sandbox/api/slack/interactions/press",
                press("1700000000.000001", "switchboard.entry.mark_actioned"));
        ResponseEntity<String> incomplete = api.postJson("/sandbox/api/slack/interactions/press",
                Map.of("teamId", ACME_TEAM_ID, "ts", ts));

        assertThat(noButton.getStatusCode().value()).isEqualTo(404);
        assertThat(noButton.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(noMessage.getStatusCode().value()).isEqualTo(404);
        assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
        assertThat(received).isEmpty();
    }

    @Test
    void withoutARequestUrlThePressIsRefusedWithAConflict() throws Exception {
        String ts = postMessageWithButtons();

        ResponseEntity<String> answer = api.postJson("/sandbox/api/slack/interactions/press",
                press(ts, "switchboard.entry.mark_actioned"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(received).isEmpty();
    }

    @Test
    void anAppRegisteredWithoutInteractivitySettingsUsesTheConfiguredDefaults() throws Exception {
        try (ProviderSandbox configured = ProviderSandbox.start(Map.of("sandbox.slack.signing-secret", APP_SECRET,
                "sandbox.slack.interactivity-url", requestUrl()))) {
            configured.slack().seed(SlackWorkspaceMother.acme());
            configured.slackApps().register(new SlackApp("111.222", "s3cret", null, ACME_TEAM_ID));
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(configured.slackMethodsUrl());
            config.setStatsEnabled(false);
            String ts;
            try (Slack client = Slack.getInstance(config)) {
                ts = client.methods(ACME_BOT_TOKEN).chatPostMessage(r -> r.channel(CHANNEL).text("Phone message from Linh")
                        .blocksAsString(BUTTON_BLOCKS)).getTs();
            }

            InteractionDelivery delivery = configured.slackInteractions().press(
                    new ButtonPress(ACME_TEAM_ID, CHANNEL, ts, "U0BEN", "switchboard.entry.mark_actioned"));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(received).singleElement().satisfies(request -> assertThat(request.signatureValid()).isTrue());
            assertThat(JsonMapper.shared().readTree(delivery.payload()).get("api_app_id").asString()).isEqualTo("A111222");
        }
    }

    private static String hmacSha256Hex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

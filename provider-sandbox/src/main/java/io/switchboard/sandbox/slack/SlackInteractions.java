package io.switchboard.sandbox.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.recording.RequestRecorder;
import io.switchboard.sandbox.recording.SecretMasking;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Slack does when someone clicks a button of an app's message: builds the {@code block_actions} payload,
 * sends it form-encoded ({@code payload=<json>}) to the app's interactivity Request URL, signed with the app's
 * signing secret in Slack's v0 scheme ({@code X-Slack-Request-Timestamp}, {@code X-Slack-Signature} =
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}), and hands back the app's answer.
 *
 * <p>The app is the one installed in the message's workspace ({@link SlackApps#forTeam}); its own signing
 * secret and Request URL, else {@code sandbox.slack.signing-secret} and {@code sandbox.slack.interactivity-url}.
 * Each delivery is recorded under provider {@code slack} with the full Request URL as its path, the payload
 * (legacy token masked) as form field {@code payload}, the signature headers and the app's status.
 * {@code response_url} points at the sandbox, which does not emulate it yet.
 */
@Component
public class SlackInteractions {

    static final String SANDBOX_APP_ID = "A0SANDBOXAPP";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SlackWorkspaces workspaces;
    private final SlackApps apps;
    private final SlackProperties properties;
    private final RequestRecorder recorder;
    private final ApplicationContext context;
    private final HttpClient http;

    SlackInteractions(SlackWorkspaces workspaces, SlackApps apps, SlackProperties properties, RequestRecorder recorder,
            ApplicationContext context) {
        this.workspaces = workspaces;
        this.apps = apps;
        this.properties = properties;
        this.recorder = recorder;
        this.context = context;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.interactivityTimeout()).build();
    }

    /**
     * Clicks the button and delivers the interaction to the app.
     *
     * @return what the app answered, whatever its status
     * @throws InteractionRejectedException 400 for a press that leaves out a field; 404 when the workspace,
     *         member, message or button is unknown; 409 when no Request URL or signing secret is configured;
     *         502/504 when the app cannot be reached or does not answer in time
     */
    public InteractionDelivery press(ButtonPress press) {
        requireFields(press);
        SlackWorkspace workspace = workspaces.workspace(press.teamId())
                .orElseThrow(() -> notFound("No workspace " + press.teamId()));
        SlackUser user = workspaces.users(press.teamId()).stream()
                .filter(member -> member.id().equals(press.userId()) && !member.isBot()).findFirst()
                .orElseThrow(() -> notFound("No member " + press.userId() + " in workspace " + press.teamId()));
        SlackMessage message = workspaces.message(press.teamId(), press.channelId(), press.ts())
                .orElseThrow(() -> notFound("No message " + press.ts() + " in " + press.channelId()));
        Button button = findButton(message, press.actionId())
                .orElseThrow(() -> notFound("Message " + press.ts() + " has no button with action_id " + press.actionId()));
        Optional<SlackApp> app = apps.forTeam(press.teamId());
        String requestUrl = app.map(SlackApp::interactivityUrl).orElse(blankToNull(properties.interactivityUrl()));
        String secret = app.map(SlackApp::signingSecret).orElse(blankToNull(properties.signingSecret()));
        if (requestUrl == null) {
            throw new InteractionRejectedException(HttpStatus.CONFLICT, "No interactivity Request URL: register the app"
                    + " with interactivityUrl or set sandbox.slack.interactivity-url");
        }
        if (secret == null) {
            throw new InteractionRejectedException(HttpStatus.CONFLICT, "No signing secret: register the app"
                    + " with signingSecret or set sandbox.slack.signing-secret");
        }
        String appId = app.map(SlackApp::appId).orElse(SANDBOX_APP_ID);
        ObjectNode payload = payload(workspace, user, message, button, appId);
        return deliver(requestUrl, secret, payload);
    }

    private ObjectNode payload(SlackWorkspace workspace, SlackUser user, SlackMessage message, Button button, String appId) {
        String now = SlackChatApi.nextTs();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        ObjectNode userNode = payload.putObject("user");
        userNode.put("id", user.id());
        userNode.put("username", user.name());
        userNode.put("name", user.name());
        userNode.put("team_id", workspace.teamId());
        payload.put("api_app_id", appId);
        payload.put("token", properties.verificationToken());
        ObjectNode container = payload.putObject("container");
        container.put("type", "message");
        container.put("message_ts", message.ts());
        container.put("channel_id", message.channel());
        container.put("is_ephemeral", false);
        if (message.threadTs() != null) {
            container.put("thread_ts", message.threadTs());
        }
        payload.put("trigger_id", triggerId());
        ObjectNode team = payload.putObject("team");
        team.put("id", workspace.teamId());
        team.put("domain", workspace.domain());
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        ObjectNode channel = payload.putObject("channel");
        channel.put("id", message.channel());
        channel.put("name", workspaces.channel(workspace.teamId(), message.channel()).map(SlackChannel::name)
                .orElse("directmessage"));
        ObjectNode messageNode = payload.putObject("message");
        messageNode.put("user", message.user());
        messageNode.put("type", "message");
        messageNode.put("ts", message.ts());
        if (message.botId() != null) {
            messageNode.put("bot_id", message.botId());
            messageNode.put("app_id", appId);
        }
        messageNode.put("text", message.text());
        messageNode.put("team", workspace.teamId());
        if (message.threadTs() != null) {
            messageNode.put("thread_ts", message.threadTs());
        }
        SlackMessage.Edit edited = message.lastEdit();
        if (edited != null) {
            ObjectNode editedNode = messageNode.putObject("edited");
            editedNode.put("user", edited.user());
            editedNode.put("ts", edited.ts());
        }
        if (message.blocks() != null) {
            messageNode.set("blocks", message.blocks().deepCopy());
        }
        payload.putObject("state").putObject("values");
        payload.put("response_url", baseUrl() + "/sandbox/slack/response-url/" + workspace.teamId() + "/" + randomHex(12));
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("action_id", button.element().get("action_id").asString());
        action.put("block_id", button.blockId());
        action.set("text", button.element().get("text").deepCopy());
        for (String optional : List.of("value", "style", "url")) {
            JsonNode value = button.element().get(optional);
            if (value != null) {
                action.set(optional, value.deepCopy());
            }
        }
        action.put("type", "button");
        action.put("action_ts", now);
        return payload;
    }

    private InteractionDelivery deliver(String requestUrl, String secret, ObjectNode payload) {
        String json = JSON.writeValueAsString(payload);
        String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = "v0=" + hmacSha256Hex(secret, "v0:" + timestamp + ":" + body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("user-agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        headers.put("x-slack-request-timestamp", timestamp);
        headers.put("x-slack-signature", signature);
        URI uri;
        try {
            uri = URI.create(requestUrl);
        } catch (IllegalArgumentException e) {
            throw new InteractionRejectedException(HttpStatus.CONFLICT, "The interactivity Request URL is not a URL: " + requestUrl);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.interactivityTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        Instant sentAt = Instant.now();
        String recordedPayload = JSON.writeValueAsString(SecretMasking.maskJson(payload));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            record(requestUrl, recordedPayload, headers, sentAt, response.statusCode());
            return new InteractionDelivery(requestUrl, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), json);
        } catch (HttpTimeoutException e) {
            record(requestUrl, recordedPayload, headers, sentAt, HttpStatus.GATEWAY_TIMEOUT.value());
            throw new InteractionRejectedException(HttpStatus.GATEWAY_TIMEOUT, "The app did not answer within "
                    + properties.interactivityTimeout() + " (Slack would have shown the user an error after 3 s)");
        } catch (IOException e) {
            record(requestUrl, recordedPayload, headers, sentAt, HttpStatus.BAD_GATEWAY.value());
            throw new InteractionRejectedException(HttpStatus.BAD_GATEWAY, "The app's Request URL could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InteractionRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while delivering the press");
        }
    }

    private void record(String requestUrl, String payload, Map<String, String> headers, Instant sentAt, int status) {
        recorder.record(new RecordedRequest(0, SlackEmulator.NAME, "POST", requestUrl, Map.of(),
                Map.of("payload", List.of(payload)), null, null, headers, sentAt, status));
    }

    /** The button with that action_id, in an actions block or as a section's accessory, with its block's id. */
    private static Optional<Button> findButton(SlackMessage message, String actionId) {
        if (message.blocks() == null) {
            return Optional.empty();
        }
        for (JsonNode block : message.blocks()) {
            List<JsonNode> candidates = new java.util.ArrayList<>();
            if (block.get("elements") != null && "actions".equals(block.path("type").asString(""))) {
                block.get("elements").forEach(candidates::add);
            }
            if (block.get("accessory") != null) {
                candidates.add(block.get("accessory"));
            }
            for (JsonNode element : candidates) {
                if ("button".equals(element.path("type").asString("")) && actionId.equals(element.path("action_id").asString(null))) {
                    return Optional.of(new Button(block.path("block_id").asString(null), element));
                }
            }
        }
        return Optional.empty();
    }

    private String baseUrl() {
        String address = context.getEnvironment().getProperty("server.address");
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") ? "127.0.0.1" : address;
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
        return "http://" + host + ":" + port;
    }

    static String hmacSha256Hex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Slack's trigger ids look like {@code 10215325802133.3901254001572.2e2548aa918b35fd85829545c2d4ae2b}. */
    private static String triggerId() {
        return Math.abs(RANDOM.nextLong() % 100_000_000_000_000L) + "." + Math.abs(RANDOM.nextLong() % 10_000_000_000_000L)
                + "." + randomHex(16);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void requireFields(ButtonPress press) {
        if (press == null || blankToNull(press.teamId()) == null || blankToNull(press.channelId()) == null
                || blankToNull(press.ts()) == null || blankToNull(press.userId()) == null
                || blankToNull(press.actionId()) == null) {
            throw new InteractionRejectedException(HttpStatus.BAD_REQUEST,
                    "A press needs teamId, channelId, ts, userId and actionId");
        }
    }

    private static InteractionRejectedException notFound(String message) {
        return new InteractionRejectedException(HttpStatus.NOT_FOUND, message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Button(String blockId, JsonNode element) {
    }
}

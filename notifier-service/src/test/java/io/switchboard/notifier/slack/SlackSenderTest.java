package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.switchboard.contracts.notification.DeliveryReason;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SlackNotificationRequested;
import io.switchboard.contracts.notification.SourceRef;
import io.switchboard.notifier.delivery.SendReceipt;

/** The Slack client wiring and error mapping, against a minimal fake Web API (the sandbox covers the real flows). */
class SlackSenderTest {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String openBody = "{\"ok\":false,\"error\":\"user_not_found\"}";
    private volatile String body = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
    private final SlackTokens tokens = mock(SlackTokens.class);
    private final UUID practice = UUID.randomUUID();
    private SlackSender sender;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.start();
        when(tokens.connection(practice)).thenReturn(new SlackTokens.SlackConnection("T1", "UBOT", "xoxb-secret"));
        // Posts never read the ledger (only edits do, covered with the sandbox in MarkAsActionedIntegrationTest).
        sender = new SlackSender(tokens, null, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsBlockKitWithTheRecordSummaryButtonAndReturnsTheTs() {
        SendReceipt receipt = sender.send(command("C1", null));
        assertThat(receipt.status()).isEqualTo(SendReceipt.Status.DELIVERED);
        assertThat(receipt.providerMessageId()).isEqualTo("1700000000.000100");
        assertThat(calls).hasSize(1);
        String call = calls.get(0);
        assertThat(call).startsWith("/api/chat.postMessage|Bearer xoxb-secret|")
                .contains("channel=C1").contains("\"type\":\"header\"").contains("\"type\":\"button\"")
                .contains("Record Summary").contains("https://app.example/register/entries/");
    }

    @Test
    void aDirectMessageOpensTheConversationFirst() {
        openBody = "{\"ok\":true,\"channel\":{\"id\":\"D1\"}}";
        SendReceipt receipt = sender.send(command(null, "U1"));
        assertThat(receipt.status()).isEqualTo(SendReceipt.Status.DELIVERED);
        assertThat(calls).extracting(c -> c.substring(0, c.indexOf('|')))
                .containsExactly("/api/conversations.open", "/api/chat.postMessage");
        assertThat(calls.get(1)).contains("channel=D1");
    }

    @Test
    void slackErrorsMapToReasons() {
        body = "{\"ok\":false,\"error\":\"not_in_channel\"}";
        assertThat(sender.send(command("C1", null))).extracting(SendReceipt::status, SendReceipt::reason)
                .containsExactly(SendReceipt.Status.PERMANENT, DeliveryReason.NOT_IN_CHANNEL);
        body = "{\"ok\":false,\"error\":\"channel_not_found\"}";
        assertThat(sender.send(command("C1", null)).reason()).isEqualTo(DeliveryReason.CHANNEL_NOT_FOUND);
        body = "{\"ok\":false,\"error\":\"is_archived\"}";
        assertThat(sender.send(command("C1", null)).reason()).isEqualTo(DeliveryReason.IS_ARCHIVED);
        body = "{\"ok\":false,\"error\":\"token_revoked\"}";
        assertThat(sender.send(command("C1", null)).reason()).isEqualTo(DeliveryReason.CONNECTION_NEEDS_REAUTH);
        verify(tokens).forget(practice);
    }

    @Test
    void a429CarriesRetryAfterAndA5xxIsTransient() {
        status = 429;
        body = "{\"ok\":false,\"error\":\"ratelimited\"}";
        SendReceipt limited = sender.send(command("C1", null));
        assertThat(limited.status()).isEqualTo(SendReceipt.Status.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        status = 503;
        body = "upstream unavailable";
        assertThat(sender.send(command("C1", null)).status()).isEqualTo(SendReceipt.Status.TRANSIENT);
    }

    private SlackNotificationRequested command(String channel, String user) {
        UUID id = UUID.randomUUID();
        return new SlackNotificationRequested(id, practice, "evt", SourceRef.correspondenceEntry(id), channel,
                channel == null ? null : "front-desk", user,
                new MessageContent("Phone message: Acme", "Call back <soon>", List.of(new MessageField("Caller", "Jane")),
                        "https://app.example/register/entries/" + id, "Record Summary"), Instant.now());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        calls.add(exchange.getRequestURI().getPath() + "|" + exchange.getRequestHeaders().getFirst("Authorization") + "|" + form);
        String answer = exchange.getRequestURI().getPath().endsWith("conversations.open") ? openBody : body;
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "7");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

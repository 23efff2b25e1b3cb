package io.switchboard.notifier.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for integration-service's internal Slack token endpoint
 * ({@code GET /internal/practices/{id}/connections/slack/token}); the real pairing is tested end to end.
 */
public final class IntegrationStub {

    private static final Pattern PATH = Pattern.compile("/internal/practices/([0-9a-f-]{36})/connections/slack/token");
    private static volatile IntegrationStub shared;

    private final HttpServer server;
    private final Map<UUID, String[]> connections = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private IntegrationStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/", this::handle);
        server.start();
    }

    public static IntegrationStub shared() {
        if (shared == null) {
            synchronized (IntegrationStub.class) {
                if (shared == null) {
                    try {
                        shared = new IntegrationStub();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void connect(UUID practiceId, String teamId, String botUserId, String botToken) {
        connections.put(practiceId, new String[] {teamId, botUserId, botToken});
    }

    public void disconnect(UUID practiceId) {
        connections.remove(practiceId);
    }

    /** Calls that came without a bearer token (must stay 0). */
    public int unauthenticatedCalls() {
        return unauthenticated.get();
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            unauthenticated.incrementAndGet();
            respond(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
            return;
        }
        Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
        String[] connection = m.matches() ? connections.get(UUID.fromString(m.group(1))) : null;
        if (connection == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"status\":404,\"title\":\"Not Found\",\"reason\":\"PROVIDER_DISCONNECTED\"}");
            return;
        }
        respond(exchange, 200, "application/json", "{\"teamId\":\"" + connection[0] + "\",\"botUserId\":\""
                + connection[1] + "\",\"botToken\":\"" + connection[2] + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package io.switchboard.workflow.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for integration-service's credential vault over HTTP, as the contract in the README says
 * it will behave: {@code POST /internal/practices/{p}/secrets} stores and answers {@code 201
 * {"secretRef"}}, {@code GET /internal/practices/{p}/secrets/{ref}} answers the stored credential.
 * It records every request it received. One per JVM.
 */
public final class VaultStandIn {

    /** One request as received. */
    public record Received(String method, String path, String authorization, String actor, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STORE = Pattern.compile("/internal/practices/([0-9a-f-]{36})/secrets");
    private static final Pattern READ = Pattern.compile("/internal/practices/([0-9a-f-]{36})/secrets/([A-Za-z0-9_-]+)");
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, String> STORED = new ConcurrentHashMap<>();
    private static final java.util.Set<String> DOWN = ConcurrentHashMap.newKeySet();
    private static volatile String baseUrl;

    private VaultStandIn() {
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                server.createContext("/internal/", VaultStandIn::handle);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "vault-stand-in-shutdown"));
                baseUrl = "http://localhost:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the vault stand-in", e);
            }
        }
        return baseUrl;
    }

    /** The requests received for the practice, oldest first. */
    public static List<Received> receivedFor(UUID practiceId) {
        return RECEIVED.stream().filter(r -> r.path().contains(practiceId.toString())).toList();
    }

    /** From now on the vault answers 503 to every call for the practice, as an unavailable vault would. */
    public static void downFor(UUID practiceId) {
        DOWN.add(practiceId.toString());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Switchboard-Actor"), body));
        Matcher store = STORE.matcher(path);
        Matcher read = READ.matcher(path);
        if (DOWN.stream().anyMatch(path::contains)) {
            respond(exchange, 503, "{\"title\":\"Service Unavailable\"}");
        } else if ("POST".equals(exchange.getRequestMethod()) && store.matches()) {
            String ref = "sec_" + UUID.randomUUID().toString().replace("-", "");
            STORED.put(store.group(1) + "/" + ref, body);
            respond(exchange, 201, JSON.writeValueAsString(Map.of("secretRef", ref)));
        } else if ("GET".equals(exchange.getRequestMethod()) && read.matches()
                && STORED.containsKey(read.group(1) + "/" + read.group(2))) {
            JsonNode stored = JSON.readTree(STORED.get(read.group(1) + "/" + read.group(2)));
            respond(exchange, 200, JSON.writeValueAsString(Map.of("secretRef", read.group(2),
                    "username", stored.path("username").asText(""), "secret", stored.get("secret").asText())));
        } else {
            respond(exchange, 404, "{\"title\":\"Not Found\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

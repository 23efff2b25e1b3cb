package io.switchboard.gmail.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for register-service's template API as its TemplateController serves it: {@code GET /templates}
 * lists one template, {@code POST /templates/{id}/render} renders it for the client. It records the
 * Authorization header it got, so a test can see the caller's own token was forwarded. One per JVM.
 */
public final class RegisterStandIn {

    public static final UUID TEMPLATE = UUID.fromString("7e57a1e0-0000-4000-8000-000000000001");

    /** One request as received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RENDER = Pattern.compile("/templates/([0-9a-f-]{36})/render");
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile String baseUrl;

    private RegisterStandIn() {
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            baseUrl = StandInServer.start("register stand-in", "/templates", RegisterStandIn::handle);
        }
        return baseUrl;
    }

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(exchange.getRequestMethod(), path, authorization, body));
        Matcher render = RENDER.matcher(path);
        if (authorization == null) {
            StandInServer.respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
        } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/templates")) {
            StandInServer.respond(exchange, 200, JSON.writeValueAsString(List.of(Map.of(
                    "id", TEMPLATE.toString(), "name", "Documents reminder", "subject", "Documents for {{client.name}}",
                    "body", "<p>Dear {{client.name}}</p>", "attachments", List.of(Map.of("name", "Checklist.pdf",
                            "url", "https://docs.example/checklist.pdf")), "placeholders", List.of("client.name")))));
        } else if ("POST".equals(exchange.getRequestMethod()) && render.matches()
                && render.group(1).equals(TEMPLATE.toString())) {
            String client = JSON.readTree(body).path("clientId").asString();
            StandInServer.respond(exchange, 200, JSON.writeValueAsString(Map.of("subject", "Documents for " + client,
                    "body", "<p>Dear client " + client + "</p>", "attachments", List.of())));
        } else {
            StandInServer.respond(exchange, 404, "{\"title\":\"Not Found\"}");
        }
    }
}

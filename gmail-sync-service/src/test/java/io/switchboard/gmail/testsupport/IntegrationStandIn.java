package io.switchboard.gmail.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleGrant;
import io.switchboard.sandbox.google.GoogleSeed;
import io.switchboard.sandbox.google.GoogleTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for integration-service's internal Gmail API as its contract says it behaves:
 * {@code GET /internal/practices/{p}/users/{u}/connections/gmail/token[?refresh=true]} answers
 * {@code {email, googleUserId, accessToken, expiresAt, scopes}} with a token the provider sandbox issued,
 * or 404 {@code PROVIDER_DISCONNECTED} / {@code USER_NOT_CONNECTED}, 409 {@code CONNECTION_NEEDS_REAUTH};
 * {@code POST …/rejected} records the report and answers 204. One per JVM.
 */
public final class IntegrationStandIn {

    public static final String CLIENT_ID = "switchboard-gmail-test.apps.googleusercontent.com";
    public static final String SCOPE = "https://www.googleapis.com/auth/";
    public static final String ADDON = SCOPE + "gmail.addons.current.message.readonly";
    public static final String SEND = SCOPE + "gmail.send";
    public static final String READONLY = SCOPE + "gmail.readonly";

    /** One request as received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private record Connection(String email, Set<String> scopes, boolean broken, boolean revokedTokens) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USER = Pattern.compile(
            "/internal/practices/([0-9a-f-]{36})/users/([0-9a-f-]{36})/connections/gmail/(token|rejected)");
    private static final Set<String> ENABLED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile String baseUrl;

    private IntegrationStandIn() {
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            ProviderSandbox.shared().google().registerClient(new GoogleClient(CLIENT_ID, "test-secret", "Switchboard",
                    List.of("http://localhost/oauth/google/callback")));
            baseUrl = StandInServer.start("integration stand-in", "/internal/", IntegrationStandIn::handle);
        }
        return baseUrl;
    }

    /** The admin enabled Gmail for the practice (P4). */
    public static void enable(UUID practiceId) {
        ENABLED.add(practiceId.toString());
    }

    public static void disable(UUID practiceId) {
        ENABLED.remove(practiceId.toString());
    }

    /** The user connected the Google account {@code email} (created in the sandbox) granting {@code scopes}. */
    public static void connect(UUID practiceId, UUID userId, String email, String... scopes) {
        baseUrl();
        if (ProviderSandbox.shared().google().account(email).isEmpty()) {
            ProviderSandbox.shared().google().seed(GoogleSeed.of(List.of(
                    new GoogleSeed.Account(null, email, email.substring(0, email.indexOf('@')), 1000L, List.of())),
                    List.of()));
        }
        CONNECTIONS.put(key(practiceId, userId), new Connection(email, Set.of(scopes), false, false));
    }

    /** integration-service marked the user's connection broken. */
    public static void breakConnection(UUID practiceId, UUID userId) {
        CONNECTIONS.computeIfPresent(key(practiceId, userId), (k, c) -> new Connection(c.email(), c.scopes(), true, false));
    }

    /** From now on the tokens handed out for the user are revoked at Google already (Gmail answers 401). */
    public static void handOutRevokedTokens(UUID practiceId, UUID userId) {
        CONNECTIONS.computeIfPresent(key(practiceId, userId), (k, c) -> new Connection(c.email(), c.scopes(), false, true));
    }

    /** The requests received about the user, oldest first. */
    public static List<Received> receivedFor(UUID practiceId, UUID userId) {
        return RECEIVED.stream().filter(r -> r.path().contains(practiceId + "/users/" + userId)).toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(exchange.getRequestMethod(), path + (exchange.getRequestURI().getQuery() == null ? ""
                : "?" + exchange.getRequestURI().getQuery()), exchange.getRequestHeaders().getFirst("Authorization"), body));
        Matcher user = USER.matcher(path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            StandInServer.respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
        } else if (!user.matches()) {
            StandInServer.respond(exchange, 404, "{\"title\":\"Not Found\"}");
        } else if ("POST".equals(exchange.getRequestMethod()) && user.group(3).equals("rejected")) {
            StandInServer.respond(exchange, 204, null);
        } else if ("GET".equals(exchange.getRequestMethod()) && user.group(3).equals("token")) {
            token(exchange, user.group(1), user.group(2));
        } else {
            StandInServer.respond(exchange, 405, "{\"title\":\"Method Not Allowed\"}");
        }
    }

    private static void token(HttpExchange exchange, String practice, String userId) throws IOException {
        Connection connection = CONNECTIONS.get(practice + "/" + userId);
        if (!ENABLED.contains(practice)) {
            StandInServer.respond(exchange, 404, problem(404, "Gmail is disabled for the practice.", "PROVIDER_DISCONNECTED"));
        } else if (connection == null) {
            StandInServer.respond(exchange, 404, problem(404, "The user has not connected Gmail.", "USER_NOT_CONNECTED"));
        } else if (connection.broken()) {
            StandInServer.respond(exchange, 409, problem(409, "Reconnect Gmail.", "CONNECTION_NEEDS_REAUTH"));
        } else {
            String sub = ProviderSandbox.shared().google().account(connection.email()).orElseThrow().sub();
            GoogleTokens tokens = ProviderSandbox.shared().google()
                    .issueTokens(new GoogleGrant(sub, CLIENT_ID, connection.scopes()), false, false);
            if (connection.revokedTokens()) {
                ProviderSandbox.shared().google().revokeToken(tokens.accessToken());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("email", connection.email());
            answer.put("googleUserId", sub);
            answer.put("accessToken", tokens.accessToken());
            answer.put("expiresAt", tokens.accessTokenExpiresAt().toString());
            answer.put("scopes", String.join(" ", connection.scopes()));
            StandInServer.respond(exchange, 200, JSON.writeValueAsString(answer));
        }
    }

    private static String problem(int status, String detail, String reason) {
        return JSON.writeValueAsString(Map.of("type", "about:blank", "status", status, "detail", detail, "reason", reason));
    }

    private static String key(UUID practiceId, UUID userId) {
        return practiceId + "/" + userId;
    }
}

package io.switchboard.platform.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A client-credentials token endpoint for tests, standing in for the identity provider (which is not
 * ours): it checks the client's id and secret the way an OAuth2 server does and issues
 * {@link TestTokens#service} tokens that the services under test trust. One per JVM.
 */
public final class TestIssuer {

    public static final String CLIENT_ID = "switchboard-internal";
    public static final String CLIENT_SECRET = "test-internal-secret";

    private static volatile String tokenUri;
    private static volatile int issued;

    private TestIssuer() {
    }

    /** The token endpoint's URL, starting the endpoint on first use. */
    public static synchronized String tokenUri() {
        if (tokenUri == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                server.createContext("/oauth2/token", TestIssuer::token);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-shutdown"));
                tokenUri = "http://localhost:" + server.getAddress().getPort() + "/oauth2/token";
            } catch (IOException e) {
                throw new IllegalStateException("could not start the test token endpoint", e);
            }
        }
        return tokenUri;
    }

    /** How many tokens were issued so far (to see that callers cache them). */
    public static int issued() {
        return issued;
    }

    private static void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        issued++;
        String scope = form.getOrDefault("scope", "internal");
        respond(exchange, 200, "{\"access_token\":\"" + TestTokens.service(scope.split(" "))
                + "\",\"token_type\":\"Bearer\",\"expires_in\":1800,\"scope\":\"" + scope + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

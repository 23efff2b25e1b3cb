package io.switchboard.integration.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.switchboard.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * register-service's internal "mark actioned" endpoint as the other service it is, standing in for it in this
 * module's tests: {@code POST /internal/practices/{p}/entries/{e}/actioned} answers 200 with the entry, 404
 * problem+json for an entry {@linkplain #forget forgotten}, and 401 to a caller without a valid token of scope
 * {@code internal} (checked against the test issuer's key, as the register would). Every request is recorded.
 * One per JVM, like the context it serves.
 */
public final class RegisterStub {

    private static final Pattern ACTIONED =
            Pattern.compile("/internal/practices/([0-9a-f-]{36})/entries/([0-9a-f-]{36})/actioned");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RegisterStub shared;

    private final HttpServer server;
    private final RSAPublicKey issuerKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<UUID> forgotten = ConcurrentHashMap.newKeySet();

    /** A request the register received. */
    public record Received(String method, UUID practiceId, UUID entryId, boolean internalToken, JsonNode body) {
    }

    private RegisterStub() throws Exception {
        String pem = TestTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        issuerKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/internal/practices/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "register-stub-shutdown"));
    }

    public static synchronized RegisterStub shared() {
        if (shared == null) {
            try {
                shared = new RegisterStub();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the register stand-in", e);
            }
        }
        return shared;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The register does not have this entry (deleted, or never there): it answers 404. */
    public void forget(UUID entryId) {
        forgotten.add(entryId);
    }

    /** What the register received about this entry, oldest first. */
    public List<Received> receivedFor(UUID entryId) {
        return received.stream().filter(r -> entryId.equals(r.entryId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher path = ACTIONED.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"No such endpoint.\"}");
                return;
            }
            UUID practiceId = UUID.fromString(path.group(1));
            UUID entryId = UUID.fromString(path.group(2));
            boolean internal = hasInternalScope(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(new Received(exchange.getRequestMethod(), practiceId, entryId, internal,
                    body.length == 0 ? null : JSON.readTree(body)));
            if (!internal) {
                respond(exchange, 401, "application/problem+json", "{\"status\":401,\"detail\":\"A valid bearer token is required.\"}");
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "application/problem+json", "{\"status\":405}");
            } else if (forgotten.contains(entryId)) {
                respond(exchange, 404, "application/problem+json",
                        "{\"status\":404,\"detail\":\"No correspondence entry " + entryId + ".\"}");
            } else {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(java.util.Map.of(
                        "id", entryId.toString(), "practiceId", practiceId.toString(), "actioned", true)));
            }
        }
    }

    private boolean hasInternalScope(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!jwt.verify(new RSASSAVerifier(issuerKey))) {
                return false;
            }
            String scope = jwt.getJWTClaimsSet().getStringClaim("scope");
            return scope != null && List.of(scope.split(" ")).contains("internal")
                    && jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(java.time.Instant.now());
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

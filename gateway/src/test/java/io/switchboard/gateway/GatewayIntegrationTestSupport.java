package io.switchboard.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * One gateway for every integration test class (one Spring context): a stand-in service on a real
 * socket that records what reaches it, a service address nobody listens on, tight rate limits and a
 * Slack signing secret. Each test calls from its own client address and with its own practice, so
 * budgets spent by one test never touch another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTestSupport {

    protected static final String ISSUER = "https://issuer.gateway.test";
    protected static final String FRONT_END = "https://app.switchboard.test";
    protected static final String SLACK_SECRET = "d41d8cd98f00b204e9800998ecf8427e-test";
    protected static final int BURST = 5;
    /** A request carrying this header is held by the stand-in service until the test ends. */
    protected static final String HOLD = "X-Test-Hold";
    static final KeyPair KEYS = keys();
    protected static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    static volatile CountDownLatch release = new CountDownLatch(1);
    static final HttpServer SERVICE = service();
    protected static final int DEAD_PORT = freePort();

    @LocalServerPort
    protected int port;
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** This test's own client address (the gateway trusts X-Forwarded-For in tests). */
    protected final String clientIp = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + SERVICE.getAddress().getPort();
        registry.add("REGISTER_URI", () -> base);
        registry.add("INTEGRATION_URI", () -> base);
        registry.add("GMAIL_SYNC_URI", () -> base);
        registry.add("WORKFLOW_URI", () -> base);
        registry.add("NOTIFIER_URI", () -> "http://localhost:" + DEAD_PORT);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("switchboard.security.jwt.public-key", () -> "-----BEGIN PUBLIC KEY-----"
                + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "-----END PUBLIC KEY-----");
        registry.add("server.forward-headers-strategy", () -> "framework");
        registry.add("switchboard.gateway.cors.allowed-origins", () -> FRONT_END);
        registry.add("switchboard.slack.signing-secret", () -> SLACK_SECRET);
        registry.add("SWITCHBOARD_SLACK_ACK_TIMEOUT_MS", () -> "700");
        for (String policy : List.of("practice", "anonymous")) {
            registry.add("switchboard.gateway.rate-limit.limits." + policy + ".rate", () -> "1");
            registry.add("switchboard.gateway.rate-limit.limits." + policy + ".period", () -> "1h");
            registry.add("switchboard.gateway.rate-limit.limits." + policy + ".burst", () -> Integer.toString(BURST));
        }
    }

    @AfterEach
    void releaseHeldRequests() {
        release.countDown();
        release = new CountDownLatch(1);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", clientIp);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected static List<Received> received(Predicate<Received> which) {
        return RECEIVED.stream().filter(which).toList();
    }

    protected static List<Received> receivedAt(String pathAndQuery) {
        return received(r -> r.path().equals(pathAndQuery));
    }

    /** A practice user's token for a practice of its own. */
    protected static String token() {
        return token(UUID.randomUUID());
    }

    protected static String token(UUID practiceId) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(ISSUER)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .claim("practice_id", practiceId.toString()).claim("role", "STAFF").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What reached the stand-in service. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                byte[] requestBody = exchange.getRequestBody().readAllBytes();
                RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), requestBody));
                if (exchange.getRequestHeaders().containsKey(HOLD)) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                // What a service sends that the edge must override or pass through.
                String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                if (correlationId != null) {
                    exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
                }
                exchange.getResponseHeaders().add("Cache-Control", "no-cache");
                exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
                byte[] body = "from service".getBytes(StandardCharsets.UTF_8);
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException gatewayGaveUp) {
                    // the gateway stopped waiting for a held request
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

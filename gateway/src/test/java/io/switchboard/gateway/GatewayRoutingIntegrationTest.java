package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

/** Routes to a stand-in service on a real socket and checks what reaches it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTest {

    static final String ISSUER = "https://issuer.gateway.test";
    static final KeyPair KEYS = keys();
    static final AtomicReference<String> RECEIVED_PATH = new AtomicReference<>();
    static final AtomicReference<String> RECEIVED_AUTHORIZATION = new AtomicReference<>();
    static final HttpServer SERVICE = service();

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + SERVICE.getAddress().getPort();
        registry.add("REGISTER_URI", () -> base);
        registry.add("INTEGRATION_URI", () -> base);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("switchboard.security.jwt.public-key", () -> "-----BEGIN PUBLIC KEY-----"
                + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "-----END PUBLIC KEY-----");
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @Test
    void relaysAnAuthenticatedCallToTheServiceWithoutTheApiPrefixAndWithTheToken() throws Exception {
        String token = token();
        HttpResponse<String> response = get("/api/register/clients?q=linh", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("from register");
        assertThat(RECEIVED_PATH.get()).isEqualTo("/clients?q=linh");
        assertThat(RECEIVED_AUTHORIZATION.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void refusesACallWithoutAValidTokenBeforeItReachesAService() throws Exception {
        RECEIVED_PATH.set(null);
        HttpResponse<String> anonymous = get("/api/register/clients", null);
        HttpResponse<String> garbage = get("/api/register/clients", "not-a-token");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(RECEIVED_PATH.get()).isNull();
    }

    @Test
    void letsTheBrowserReturnFromSlackWithoutATokenButNothingElseOfTheIntegrationsApi() throws Exception {
        HttpResponse<String> callback = get("/api/integrations/connections/slack/callback?code=c&state=s", null);
        HttpResponse<String> other = get("/api/integrations/connections", null);

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(RECEIVED_PATH.get()).isEqualTo("/connections/slack/callback?code=c&state=s");
        assertThat(other.statusCode()).isEqualTo(401);
    }

    @Test
    void neverRoutesServiceToServiceApisEvenWithAValidToken() throws Exception {
        RECEIVED_PATH.set(null);
        HttpResponse<String> internal = get("/api/integrations/internal/practices/x/connections/slack/token", token());

        assertThat(internal.statusCode()).isEqualTo(403);
        assertThat(RECEIVED_PATH.get()).isNull();
    }

    @Test
    void answersHealthWithoutAToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("a0000000-0000-4000-8000-000000000001").issuer(ISSUER)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("practice_id", "11111111-1111-4111-8111-111111111111").claim("role", "STAFF").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED_PATH.set(exchange.getRequestURI().toString());
                RECEIVED_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "from register".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.devstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.switchboard.devstack.FreePorts;

/** The real identity server on a free port, driven over HTTP the way the services and a browser use it. */
class DevIdentityServerIntegrationTest {

    private static final String SECRET = "test-internal-secret";
    private static final String REDIRECT = "http://localhost:8080/app/callback";

    @TempDir
    static Path directory;

    private static ConfigurableApplicationContext identity;
    private static String issuer;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startIdentityServer() {
        int port = FreePorts.next();
        issuer = "http://localhost:" + port;
        identity = new SpringApplicationBuilder(DevIdentityApplication.class).run(
                "--server.port=" + port,
                "--switchboard.identity.issuer=" + issuer,
                "--switchboard.identity.key-file=" + keyFile(),
                "--switchboard.identity.internal-client-secret=" + SECRET);
    }

    @AfterAll
    static void stopIdentityServer() {
        identity.close();
    }

    @Test
    void issuesServiceTokensSignedWithTheKeyItsJwksPublishes() throws Exception {
        HttpResponse<String> response = post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "internal"),
                "Basic " + Base64.getEncoder().encodeToString(("switchboard-internal:" + SECRET).getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        SignedJWT token = SignedJWT.parse((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(token.verify(new RSASSAVerifier(publishedKey(token.getHeader().getKeyID()).toRSAPublicKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(issuer);
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("switchboard-internal");
        assertThat(token.getJWTClaimsSet().getStringListClaim("scope")).containsExactly("internal");
        assertThat(token.getJWTClaimsSet().getClaims()).doesNotContainKeys("practice_id", "role");
        assertThat(Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
                token.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesAServiceTokenForTheWrongSecret() throws Exception {
        HttpResponse<String> response = post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "internal"),
                "Basic " + Base64.getEncoder().encodeToString("switchboard-internal:guess".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void logsInADemoUserWithPkceAndPutsTheirPracticeAndRoleIntoTheTokens() throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "switchboard-web",
                "scope", "openid profile", "redirect_uri", REDIRECT, "state", "s1",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = post("/login", Map.of("username", "alex@harbour.example", "password", "demo",
                "_csrf", csrf.group(1)), null);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = get(loggedIn.headers().firstValue("Location").orElseThrow());
        String callback = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(REDIRECT + "?code=").contains("state=s1");
        String code = URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> tokens = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "switchboard-web", "code_verifier", verifier), null);

        assertThat(tokens.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(tokens.body());
        Jwt access = servicesDecoder().decode((String) body.get("access_token"));
        assertThat(access.getClaims())
                .containsEntry("sub", "a0000000-0000-4000-8000-000000000001")
                .containsEntry("practice_id", "11111111-1111-4111-8111-111111111111")
                .containsEntry("role", "PRACTICE_ADMIN")
                .containsEntry("email", "alex@harbour.example")
                .containsEntry("name", "Alex Harbour");
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt())).isEqualTo(Duration.ofHours(12));
        Jwt id = servicesDecoder().decode((String) body.get("id_token"));
        assertThat(id.getSubject()).isEqualTo("a0000000-0000-4000-8000-000000000001");
    }

    @Test
    void refusesToSendALoginToAnUnregisteredRedirectUri() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "switchboard-web", "scope", "openid", "redirect_uri", "http://evil.example/steal",
                "code_challenge", challenge("x".repeat(43)), "code_challenge_method", "S256")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theLaunchersReadyMadeTokensPassTheServicesValidation() {
        DemoUser nina = DemoUsers.load().byEmail("nina@northwind.example").orElseThrow();
        String token = new DemoTokens(SigningKeys.loadOrCreate(keyFile()), issuer, Duration.ofHours(12),
                Clock.systemUTC()).mint(nina);

        Jwt jwt = servicesDecoder().decode(token);

        assertThat(jwt.getSubject()).isEqualTo("b0000000-0000-4000-8000-000000000001");
        assertThat(jwt.getClaims())
                .containsEntry("practice_id", "22222222-2222-4222-8222-222222222222")
                .containsEntry("role", "PRACTICE_ADMIN")
                .containsEntry("email", "nina@northwind.example");
    }

    /** Validates the way the platform's resource servers do: keys from the JWKS, issuer checked. */
    private static NimbusJwtDecoder servicesDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private RSAKey publishedKey(String keyId) throws IOException, InterruptedException, ParseException {
        JWKSet published = JWKSet.parse(get("/oauth2/jwks").body());
        assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        return published.getKeyByKeyId(keyId).toRSAKey();
    }

    private HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(resolve(pathOrUrl)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI resolve(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : issuer + pathOrUrl);
    }

    private static String form(Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Path keyFile() {
        return directory.resolve("identity/signing-key.json");
    }
}

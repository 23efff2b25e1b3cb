package io.switchboard.sandbox.support;

import static io.switchboard.sandbox.support.GoogleMother.CLIENT_ID;
import static io.switchboard.sandbox.support.GoogleMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.GoogleMother.REDIRECT_URI;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.sandbox.ProviderSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the sandbox's Google OAuth endpoints the way a web-server app with PKCE does: plain HTTP, redirects
 * not followed, so the test reads each {@code Location}.
 */
public final class GoogleOAuthClient {

    public static final String VERIFIER = "google-pkce-verifier-0123456789-0123456789-0123456789";
    public static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
    public static final String GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send";
    public static final String SCOPE = "openid email profile " + GMAIL_READONLY + " " + GMAIL_SEND;

    private final ProviderSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public GoogleOAuthClient(ProviderSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** {@code GET /o/oauth2/v2/auth}, approved at once as {@code email} when given ({@code auto=true}). */
    public HttpResponse<String> authorize(String email, String scope, String accessType, String prompt) {
        return get("/o/oauth2/v2/auth", params("client_id", CLIENT_ID, "redirect_uri", REDIRECT_URI, "response_type", "code",
                "scope", scope, "state", "st&te 1", "code_challenge", MicrosoftOAuthClient.challenge(VERIFIER),
                "code_challenge_method", "S256", "access_type", accessType, "prompt", prompt, "login_hint", email,
                "auto", email == null ? null : "true"));
    }

    /** The code of an approved, offline authorization of {@code scope}. */
    public String code(String email, String scope) {
        return code(authorize(email, scope, "offline", null));
    }

    public static String code(HttpResponse<String> authorize) {
        String code = location(authorize).getFirst("code");
        if (code == null) {
            throw new IllegalStateException("No code in " + authorize.headers().firstValue("Location").orElse("(no redirect)"));
        }
        return code;
    }

    public HttpResponse<String> redeem(String code, String verifier) {
        return post("/token", params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code_verifier", verifier));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return post("/token", params("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    /** The whole connect of an account: authorize offline with {@code scope}, redeem the code; the token response. */
    public JsonNode connect(String email, String scope) {
        HttpResponse<String> response = redeem(code(email, scope), VERIFIER);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.body());
        }
        return json(response);
    }

    /** An access token of {@code email} with exactly {@code scope}. */
    public String accessToken(String email, String scope) {
        return connect(email, scope).get("access_token").asString();
    }

    public HttpResponse<String> revoke(String token) {
        return post("/revoke?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), Map.of());
    }

    public HttpResponse<String> userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth2/v3/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    /** A Gmail call with plain HTTP. */
    public HttpResponse<String> gmailGet(String path, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/gmail/v1/users/me" + path))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    public HttpResponse<String> get(String path, Map<String, String> query) {
        String encoded = encode(query);
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path + (encoded.isEmpty() ? "" : "?" + encoded)))
                .GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    public static MultiValueMap<String, String> location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No redirect: " + response.statusCode() + " " + response.body()));
        MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUriString(location).build().getQueryParams().forEach((name, values) -> values.forEach(
                value -> decoded.add(name, value == null ? null : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8))));
        return decoded;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** Name/value pairs in order; null values are left out. */
    public static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

package io.switchboard.sandbox.support;

import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.REDIRECT_URI;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.sandbox.ProviderSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the sandbox's identity endpoints the way a confidential OAuth client with PKCE does: plain HTTP,
 * redirects not followed, so the test reads each {@code Location}.
 */
public final class MicrosoftOAuthClient {

    public static final String VERIFIER = "pkce-verifier-0123456789-0123456789-0123456789-0123456789";
    public static final String SCOPE = "openid profile offline_access User.Read Team.ReadBasic.All Channel.ReadBasic.All"
            + " ChannelMessage.Send";

    private final ProviderSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public MicrosoftOAuthClient(ProviderSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET <authority>/{tenant}/oauth2/v2.0/authorize} signed in as {@code upn} ({@code auto=true}), with PKCE S256. */
    public HttpResponse<String> authorize(String tenant, String upn, String state) {
        return get(tenant + "/oauth2/v2.0/authorize", params("client_id", CLIENT_ID, "response_type", "code",
                "redirect_uri", REDIRECT_URI, "scope", SCOPE, "state", state, "code_challenge", challenge(VERIFIER),
                "code_challenge_method", "S256", "login_hint", upn, "auto", upn == null ? null : "true"));
    }

    /** {@code GET <authority>/{tenant}/adminconsent} signed in as {@code upn}. */
    public HttpResponse<String> adminConsent(String tenant, String upn, String redirectUri, String state) {
        return get(tenant + "/adminconsent", params("client_id", CLIENT_ID, "redirect_uri", redirectUri, "state", state,
                "scope", "https://graph.microsoft.com/.default", "login_hint", upn, "auto", "true"));
    }

    /** The code of a successful authorize redirect. */
    public String code(String tenant, String upn) {
        HttpResponse<String> response = authorize(tenant, upn, "state-1");
        String code = location(response).getFirst("code");
        if (code == null) {
            throw new IllegalStateException("No code in " + response.headers().firstValue("Location").orElse("(no redirect)"));
        }
        return code;
    }

    /** {@code POST <authority>/{tenant}/oauth2/v2.0/token} with the app's credentials and these fields. */
    public HttpResponse<String> token(String tenant, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(params("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        form.putAll(fields);
        return post(tenant + "/oauth2/v2.0/token", form);
    }

    public HttpResponse<String> redeem(String tenant, String code, String verifier) {
        return token(tenant, params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "code_verifier", verifier, "scope", SCOPE));
    }

    public HttpResponse<String> refresh(String tenant, String refreshToken) {
        return token(tenant, params("grant_type", "refresh_token", "refresh_token", refreshToken, "scope", SCOPE));
    }

    /** The whole sign-in of a user whose tenant consented already: authorize, then redeem the code; the token response. */
    public JsonNode signIn(String upn) {
        HttpResponse<String> response = redeem("organizations", code("organizations", upn), VERIFIER);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.body());
        }
        return json(response);
    }

    /** A Graph call with plain HTTP, as a client library would send it. */
    public HttpResponse<String> graphGet(String path, String accessToken) {
        return graphGetUrl(sandbox.graphBaseUrl() + path, accessToken);
    }

    /** A Graph call to a full URL, such as an {@code @odata.nextLink}. */
    public HttpResponse<String> graphGetUrl(String url, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String pathAndQuery, Map<String, String> query) {
        String url = sandbox.microsoftAuthority() + "/" + pathAndQuery + (query.isEmpty() ? "" : "?" + encode(query));
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.microsoftAuthority() + "/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
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

    /** The query parameters of a redirect's {@code Location}, decoded. */
    public static MultiValueMap<String, String> location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No redirect: " + response.statusCode() + " " + response.body()));
        MultiValueMap<String, String> raw = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        org.springframework.util.LinkedMultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
        raw.forEach((name, values) -> values.forEach(value -> decoded.add(name,
                value == null ? null : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8))));
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

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

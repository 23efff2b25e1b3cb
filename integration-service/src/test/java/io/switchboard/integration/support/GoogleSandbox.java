package io.switchboard.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.platform.test.Api;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.google.GoogleClient;
import io.switchboard.sandbox.google.GoogleSeed;

/** Google accounts for a practice's staff in the provider sandbox, and the browser's part of connecting one. */
public final class GoogleSandbox {

    private static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(io.switchboard.platform.test.Api.COOKIES)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    static final String CALLBACK = "http://localhost:8080/api/integrations/connections/gmail/callback";

    public final ProviderSandbox sandbox = ProviderSandbox.shared();

    private GoogleSandbox(List<String> emails) {
        sandbox.google().registerClient(new GoogleClient("switchboard-dev-client", "switchboard-dev-client-secret",
                "Switchboard", List.of(CALLBACK)));
        sandbox.google().seed(GoogleSeed.of(emails.stream()
                .map(email -> GoogleSeed.Account.of(email, email.substring(0, email.indexOf('@')))).toList(), List.of()));
    }

    /** A Google account for each email. */
    public static GoogleSandbox accounts(String... emails) {
        return new GoogleSandbox(List.of(emails));
    }

    /** A user connects their Google account, signing in at Google as {@code email}; answers where the service sends them. */
    public String connect(Api api, String userToken, String email, boolean sync) {
        Api.Response started = api.post("/me/connections/gmail/authorize?sync=" + sync, userToken, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        URI consent = UriComponentsBuilder.fromUriString(started.json().get("authorizeUrl").asText())
                .replaceQueryParam("login_hint", email).queryParam("auto", "true").build(true).toUri();
        HttpResponse<String> google = send(HttpRequest.newBuilder(consent).GET().build());
        assertThat(google.statusCode()).as(google.body()).isBetween(300, 399);
        MultiValueMap<String, String> back = UriComponentsBuilder
                .fromUri(URI.create(google.headers().firstValue("Location").orElseThrow())).build().getQueryParams();
        Api.Response callback = api.get("/connections/gmail/callback?"
                + UriComponentsBuilder.newInstance().queryParams(back).build().getQuery(), null);
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        return callback.header("Location");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.switchboard.platform.test.Api;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.microsoft.MicrosoftApp;
import io.switchboard.sandbox.microsoft.MicrosoftTenantSeed;

/**
 * A practice's Microsoft organisation in the provider sandbox: a tenant whose users have the practice's
 * directory emails as their sign-in names (the first one a tenant administrator), one team "Practice" with
 * every user in it and two channels, and Switchboard's app registered. Drives the browser's part of the
 * consent and sign-in flows.
 */
public final class TeamsSandbox {

    private static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(io.switchboard.platform.test.Api.COOKIES)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    /** The dev app registration from application.yml. */
    static final String CLIENT_ID = "switchboard-dev-client";
    static final String CLIENT_SECRET = "switchboard-dev-client-secret";
    static final String CALLBACK = "http://localhost:8080/api/integrations/connections/teams/callback";
    static final String CONSENT_CALLBACK = "http://localhost:8080/api/integrations/connections/teams/consent-callback";

    public final ProviderSandbox sandbox = ProviderSandbox.shared();
    public final String tenantId;
    public final String teamId;
    public final String generalChannelId;
    public final String frontDeskChannelId;
    private final List<String> userIds = new ArrayList<>();

    private TeamsSandbox(List<String> emails, boolean firstIsTenantAdmin) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        tenantId = UUID.randomUUID().toString();
        teamId = UUID.randomUUID().toString();
        generalChannelId = "19:general" + suffix + "@thread.tacv2";
        frontDeskChannelId = "19:frontdesk" + suffix + "@thread.tacv2";
        List<MicrosoftTenantSeed.User> users = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String id = UUID.randomUUID().toString();
            userIds.add(id);
            users.add(i == 0 && firstIsTenantAdmin
                    ? MicrosoftTenantSeed.User.admin(id, emails.get(i), "User " + i)
                    : MicrosoftTenantSeed.User.member(id, emails.get(i), "User " + i));
        }
        sandbox.microsoft().registerApp(new MicrosoftApp(CLIENT_ID, CLIENT_SECRET, "Switchboard",
                List.of(CALLBACK, CONSENT_CALLBACK)));
        sandbox.microsoft().seed(new MicrosoftTenantSeed(tenantId, "t" + suffix + ".example", "Tenant " + suffix, users,
                List.of(new MicrosoftTenantSeed.Team(teamId, "Practice", List.copyOf(userIds), List.of(
                        new MicrosoftTenantSeed.Channel(generalChannelId, "General"),
                        new MicrosoftTenantSeed.Channel(frontDeskChannelId, "Front desk")))),
                List.of()));
    }

    /** An organisation whose first user (the practice admin's email) administers the tenant. */
    public static TeamsSandbox organisation(String... emails) {
        return new TeamsSandbox(List.of(emails), true);
    }

    /** An organisation in which nobody may consent for everyone. */
    public static TeamsSandbox organisationWithoutTenantAdmin(String... emails) {
        return new TeamsSandbox(List.of(emails), false);
    }

    public String microsoftUserId(int index) {
        return userIds.get(index);
    }

    /** The admin's consent for the organisation, signed in as {@code upn}; answers where the service sends the browser. */
    public String consent(Api api, String adminToken, String upn) {
        Api.Response started = api.post("/connections/teams/consent", adminToken, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return returnTo(api, started.json().get("consentUrl").asText(), upn, "/connections/teams/consent-callback");
    }

    /** A user connects their own account, signed in at Microsoft as {@code upn}. */
    public String connectUser(Api api, String userToken, String upn) {
        Api.Response started = api.post("/me/connections/teams/authorize", userToken, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return returnTo(api, started.json().get("authorizeUrl").asText(), upn, "/connections/teams/callback");
    }

    private String returnTo(Api api, String providerUrl, String upn, String callbackPath) {
        // Sign in as upn at once (the sandbox's automatic approval), whatever login_hint the service suggested.
        URI signIn = UriComponentsBuilder.fromUriString(providerUrl).replaceQueryParam("login_hint", upn)
                .queryParam("auto", "true").build(true).toUri();
        HttpResponse<String> microsoft = send(HttpRequest.newBuilder(signIn).GET().build());
        assertThat(microsoft.statusCode()).as(microsoft.body()).isBetween(300, 399);
        MultiValueMap<String, String> back = UriComponentsBuilder
                .fromUri(URI.create(microsoft.headers().firstValue("Location").orElseThrow())).build().getQueryParams();
        Api.Response callback = api.get(callbackPath + "?" + UriComponentsBuilder.newInstance().queryParams(back)
                .build().getQuery(), null);
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

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
import io.switchboard.sandbox.slack.SlackWorkspaceSeed;

/**
 * A fresh Slack workspace in the shared sandbox per test, and the admin's trip through Slack's OAuth
 * install: open the authorize URL (the sandbox answers with the redirect Slack would send), then
 * return to the service's callback with the code and state, as the browser does.
 */
public final class SlackSandbox {

    private static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(io.switchboard.platform.test.Api.COOKIES)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** The dev app credentials from application.yml. */
    static final String CLIENT_ID = "switchboard-dev-client";
    static final String CLIENT_SECRET = "switchboard-dev-client-secret";

    public final String teamId;
    public final String teamName;
    public final String botToken;
    public final String botUserId;
    public final ProviderSandbox sandbox = ProviderSandbox.shared();

    private SlackSandbox(SlackWorkspaceSeed seed) {
        sandbox.slack().seed(seed);
        this.teamId = seed.teamId();
        this.teamName = seed.teamName();
        this.botToken = seed.botToken();
        this.botUserId = seed.botUserId();
    }

    /**
     * A workspace whose members include {@code emails} (as {@code U<n>…}) and {@code channels} channels:
     * the first is {@code #front-desk} with the bot in it, the second {@code #partners} without.
     */
    public static SlackSandbox workspace(int channels, String... emails) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String teamId = "T" + suffix;
        List<SlackWorkspaceSeed.Channel> seeded = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            String id = "C" + suffix + i;
            seeded.add(switch (i) {
                case 0 -> SlackWorkspaceSeed.Channel.withBot(id, "front-desk");
                case 1 -> SlackWorkspaceSeed.Channel.withoutBot(id, "partners");
                default -> new SlackWorkspaceSeed.Channel(id, "channel-" + i, i % 3 == 0, i % 7 == 0, i % 2 == 0,
                        List.of());
            });
        }
        List<SlackWorkspaceSeed.User> users = new ArrayList<>();
        for (int i = 0; i < emails.length; i++) {
            users.add(new SlackWorkspaceSeed.User("U" + suffix + i, emails[i], "user" + i));
        }
        return new SlackSandbox(new SlackWorkspaceSeed(teamId, "Workspace " + suffix, null,
                "xoxb-" + suffix + "-" + UUID.randomUUID().toString().replace("-", ""),
                "U" + suffix + "BOT", null, null, seeded, users));
    }

    /** The channel id the workspace gave its {@code index}th channel. */
    public String channelId(int index) {
        return "C" + teamId.substring(1) + index;
    }

    /** The Slack user id of the {@code index}th email given to {@link #workspace}. */
    public String userId(int index) {
        return "U" + teamId.substring(1) + index;
    }

    /** Starts the install as {@code adminToken} and answers the authorize URL. */
    public static String authorizeUrl(Api api, String adminToken) {
        Api.Response started = api.post("/connections/slack/authorize", adminToken, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("authorizeUrl").asText();
    }

    /** The admin approves the install of this workspace at Slack: Slack's redirect back, as a query. */
    public MultiValueMap<String, String> approve(String authorizeUrl) {
        installAppInThisWorkspace();
        // auto=true: the sandbox skips its "Allow" page and redirects at once, as Slack does after a click.
        HttpResponse<String> slack = send(HttpRequest.newBuilder(URI.create(authorizeUrl + "&auto=true"))
                .GET().build());
        assertThat(slack.statusCode()).as(slack.body()).isBetween(300, 399);
        String location = slack.headers().firstValue("Location").orElseThrow();
        return UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
    }

    /**
     * The sandbox installs an app into the workspace it is registered for; the service's dev client id
     * (application.yml) is re-pointed at this test's workspace.
     */
    private void installAppInThisWorkspace() {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/api/slack/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\""
                        + CLIENT_SECRET + "\",\"teamId\":\"" + teamId + "\"}"))
                .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    /** The browser's return to the service's callback; answers where the service sends it next. */
    public static String returnToCallback(Api api, MultiValueMap<String, String> slackRedirect) {
        Api.Response callback = api.get("/connections/slack/callback?code=" + slackRedirect.getFirst("code")
                + "&state=" + slackRedirect.getFirst("state"), null);
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        return callback.header("Location");
    }

    /** The whole install: authorize, approve at Slack, return. */
    public String connect(Api api, String adminToken) {
        return returnToCallback(api, approve(authorizeUrl(api, adminToken)));
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

package io.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.switchboard.devstack.identity.DemoUsers;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.SlackWorkspace;

class SandboxDemoSeedIntegrationTest {

    @Test
    void givesTheDemoPracticeASlackWorkspaceWithItsStaffAndTheDevAppInstalled() throws Exception {
        try (ProviderSandbox sandbox = ProviderSandbox.start()) {
            new SandboxDemoSeed(URI.create(sandbox.baseUrl() + "/")).apply(DemoUsers.load());

            SlackWorkspace workspace = sandbox.slack().workspace(SandboxDemoSeed.TEAM_ID).orElseThrow();
            assertThat(sandbox.slack().userByEmail(SandboxDemoSeed.TEAM_ID, "sam@harbour.example")).isPresent();
            assertThat(sandbox.slack().userByEmail(SandboxDemoSeed.TEAM_ID, "nina@northwind.example")).isEmpty();
            assertThat(workspace.teamName()).isEqualTo("Harbour & Co");

            // The dev app is installable: Slack's authorize step answers with a code for the callback.
            HttpResponse<Void> authorize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    sandbox.baseUrl() + "/oauth/v2/authorize?client_id=" + SandboxDemoSeed.CLIENT_ID
                            + "&scope=chat:write&redirect_uri=http://localhost:8080/cb&state=s1&auto=true")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(authorize.statusCode()).isBetween(300, 399);
            assertThat(authorize.headers().firstValue("Location").orElseThrow()).contains("code=", "state=s1");
        }
    }

    @Test
    void givesTheDemoStaffAMicrosoftOrganisationAndGoogleAccountsWithTheDevAppsRegistered() throws Exception {
        try (ProviderSandbox sandbox = ProviderSandbox.start()) {
            new SandboxDemoSeed(URI.create(sandbox.baseUrl() + "/")).apply(DemoUsers.load());

            assertThat(sandbox.microsoft().user(SandboxDemoSeed.TENANT_ID, "alex@harbour.example").orElseThrow().admin())
                    .isTrue();
            assertThat(sandbox.microsoft().user(SandboxDemoSeed.TENANT_ID, "sam@harbour.example").orElseThrow().admin())
                    .isFalse();
            assertThat(sandbox.microsoft().channels(SandboxDemoSeed.TENANT_ID, SandboxDemoSeed.TEAMS_TEAM_ID)).hasSize(2);
            assertThat(sandbox.microsoft().app(SandboxDemoSeed.CLIENT_ID).orElseThrow()
                    .allowsRedirectUri(SandboxDemoSeed.GATEWAY + "teams/consent-callback")).isTrue();
            assertThat(sandbox.google().messages("sam@harbour.example")).hasSize(1);
            assertThat(sandbox.google().account("nina@northwind.example")).isEmpty();
            assertThat(sandbox.google().client(SandboxDemoSeed.CLIENT_ID).orElseThrow()
                    .allowsRedirectUri(SandboxDemoSeed.GATEWAY + "gmail/callback")).isTrue();
        }
    }
}

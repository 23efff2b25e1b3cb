package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;
import tools.jackson.databind.JsonNode;

/** Seeding the emulated Slack over HTTP, as the dev stack does. */
class SlackSeedApiIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void createsAWorkspaceWithChannelsMembersAndUsersAndMasksItsToken() {
        ResponseEntity<String> created = api.postJson("/sandbox/api/slack/workspaces", SlackWorkspaceMother.acme());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath("/sandbox/api/slack/workspaces/T0ACME0001");
        JsonNode workspace = SandboxApi.json(api.get("/sandbox/api/slack/workspaces/T0ACME0001"));
        assertThat(workspace.get("teamName").asString()).isEqualTo("Acme Accounting");
        assertThat(workspace.get("botToken").asString()).isEqualTo("xoxb-…7a3f");
        assertThat(workspace.get("channels").get(0).get("name").asString()).isEqualTo("front-desk");
        assertThat(workspace.get("channels").get(0).get("members").get(0).asString()).isEqualTo("U0ACMEBOT");
        assertThat(workspace.get("channels").get(1).get("members")).isEmpty();
        assertThat(workspace.get("users").get(0).get("email").asString()).isEqualTo("amy@acme-accounting.test");
        assertThat(created.getBody()).doesNotContain(ACME_BOT_TOKEN);
        assertThat(sandbox.slack().channel("T0ACME0001", "C0FRONTDESK")).hasValueSatisfying(
                channel -> assertThat(channel.hasMember("U0ACMEBOT")).isTrue());
    }

    @Test
    void derivesTheBotIdentityAndDomainWhenLeftOut() {
        api.postJson("/sandbox/api/slack/workspaces", SlackWorkspaceMother.minimal("T0MIN00001", "xoxb-7777777777-8888888888-MinimalToken01"));

        assertThat(sandbox.slack().workspace("T0MIN00001")).hasValue(
                new SlackWorkspace("T0MIN00001", "Minimal Practice", "minimal-practice", "UT0MIN00001BOT", "BT0MIN00001", "switchboard"));
    }

    @Test
    void rejectsAnInvalidSeedNamingTheFieldsAtFault() {
        ResponseEntity<String> rejected = api.postJson("/sandbox/api/slack/workspaces", Map.of(
                "teamName", "No Id", "botToken", "xoxp-user-token-not-a-bot",
                "channels", List.of(Map.of("id", "C1"))));

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(rejected.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(SandboxApi.json(rejected).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("teamId", "botToken", "channels[0].name");
        assertThat(sandbox.slack().workspaces()).isEmpty();
    }

    @Test
    void refusesASecondWorkspaceWithTheSameTeamOrBotToken() {
        api.postJson("/sandbox/api/slack/workspaces", SlackWorkspaceMother.acme());

        ResponseEntity<String> sameTeam = api.postJson("/sandbox/api/slack/workspaces",
                SlackWorkspaceMother.minimal("T0ACME0001", "xoxb-9999999999-0000000000-AnotherToken1"));
        ResponseEntity<String> sameToken = api.postJson("/sandbox/api/slack/workspaces",
                SlackWorkspaceMother.minimal("T0OTHER002", ACME_BOT_TOKEN));

        assertThat(sameTeam.getStatusCode().value()).isEqualTo(409);
        assertThat(sameToken.getStatusCode().value()).isEqualTo(409);
        assertThat(sameToken.getBody()).doesNotContain(ACME_BOT_TOKEN);
    }
}

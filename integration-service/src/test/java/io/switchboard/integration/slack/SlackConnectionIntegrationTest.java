package io.switchboard.integration.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventTypes;
import io.switchboard.contracts.Topics;
import io.switchboard.contracts.integration.ConnectionChanged;
import io.switchboard.contracts.integration.ConnectionStatus;
import io.switchboard.contracts.integration.NotificationSettingsSnapshot;
import io.switchboard.contracts.integration.Provider;
import io.switchboard.integration.support.Events;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.support.SlackSandbox;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.KafkaProbe;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

/** Connecting, using and disconnecting a practice's Slack workspace against the sandbox's Slack. */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SlackConnectionIntegrationTest {

    private static final String CONNECTED = "http://localhost:8080/settings/integrations?slack=connected";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    PracticeMother practice;
    SlackSandbox slack;

    @BeforeEach
    void practiceAndWorkspace() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Slack Co");
        slack = SlackSandbox.workspace(3, practice.adminEmail, "someone-else@elsewhere.example");
    }

    @Test
    void adminConnectsThroughOAuthAndOnlyTheInternalEndpointSeesTheToken(CapturedOutput output) {
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name(), Topics.INTEGRATION_SETTINGS.name())) {
            assertThat(slack.connect(api, practice.admin())).isEqualTo(CONNECTED);

            CloudEvent event = probe.awaitEvent(e -> e.getType().equals(EventTypes.CONNECTION_CHANGED.type())
                    && e.getSubject().equals(practice.id + ":SLACK:practice"));
            ConnectionChanged changed = Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id, c -> true);
            assertThat(changed.status()).isEqualTo(ConnectionStatus.CONNECTED);
            assertThat(changed.externalId()).isEqualTo(slack.teamId);
            assertThat(changed.changedBy()).isEqualTo(practice.adminId);
            NotificationSettingsSnapshot snapshot = Events.await(probe, EventTypes.NOTIFICATION_SETTINGS, practice.id,
                    s -> s.connectedProviders().contains(Provider.SLACK));
            assertThat(snapshot.version()).isGreaterThanOrEqualTo(1);

            Api.Response token = api.get(tokenPath(), TestTokens.service("internal"));
            assertThat(token.status()).isEqualTo(200);
            String botToken = token.json().get("botToken").asText();
            assertThat(botToken).startsWith("xoxb-");
            assertThat(token.json().get("teamId").asText()).isEqualTo(slack.teamId);
            assertThat(token.json().get("botUserId").asText()).isNotBlank();

            assertThat(Events.json(event)).doesNotContain(botToken);
            byte[] stored = jdbc.sql("select token_sealed from slack_connection where practice_id = :p")
                    .param("p", practice.id).query(byte[].class).single();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(botToken);
            Api.Response connections = api.get("/connections", practice.staff());
            assertThat(connections.json().get(0).get("status").asText()).isEqualTo("CONNECTED");
            assertThat(connections.json().get(0).get("teamName").asText()).isEqualTo(slack.teamName);
            assertThat(connections.json().get(0).get("connectedBy").asText()).isEqualTo(practice.adminId.toString());
            assertThat(connections.body()).doesNotContain(botToken);
            assertThat(api.get(tokenPath(), practice.admin()).status()).isEqualTo(403);

            api.post("/connections/slack/channels/refresh", practice.admin(), "");
            assertThat(api.delete("/connections/slack", practice.admin()).status()).isEqualTo(204);
            assertThat(output.getAll()).doesNotContain(botToken);
        }
    }

    @Test
    void resolvesStaffSlackIdsByEmailOnConnectAndOnRefresh() {
        slack.connect(api, practice.admin());

        assertThat(slackIdOf(practice.adminEmail)).isEqualTo(slack.userId(0));
        assertThat(slackIdOf(practice.staffEmail)).isNull();

        practice.addUser(java.util.UUID.randomUUID(), "someone-else@elsewhere.example", "Someone Else", "STAFF");
        Api.Response refreshed = api.post("/connections/slack/users/refresh", practice.admin(), "");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("resolved").asInt()).isEqualTo(2);
        assertThat(refreshed.json().get("notFound").asInt()).isEqualTo(1);
        assertThat(slackIdOf("someone-else@elsewhere.example")).isEqualTo(slack.userId(1));
        assertThat(api.post("/connections/slack/users/refresh", practice.staff(), "").status()).isEqualTo(403);
    }

    @Test
    void aSecondWorkspaceIsRefusedAtAuthorizeAndAtCallback() {
        String first = SlackSandbox.authorizeUrl(api, practice.admin());
        String second = SlackSandbox.authorizeUrl(api, practice.admin());
        SlackSandbox other = SlackSandbox.workspace(1);

        assertThat(SlackSandbox.returnToCallback(api, slack.approve(first))).isEqualTo(CONNECTED);
        assertThat(SlackSandbox.returnToCallback(api, other.approve(second)))
                .endsWith("slack=error&reason=already_connected");
        Api.Response again = api.post("/connections/slack/authorize", practice.admin(), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("reason").asText()).isEqualTo("ALREADY_CONNECTED");
        assertThat(api.get("/connections", practice.admin()).json().get(0).get("teamId").asText())
                .isEqualTo(slack.teamId);
    }

    @Test
    void aStateIsSingleUseAfterASuccessfulInstall() {
        MultiValueMap<String, String> redirect = slack.approve(SlackSandbox.authorizeUrl(api, practice.admin()));

        assertThat(SlackSandbox.returnToCallback(api, redirect)).isEqualTo(CONNECTED);
        assertThat(SlackSandbox.returnToCallback(api, redirect)).endsWith("reason=invalid_state");
    }

    @Test
    void refreshesChannelsOverSeveralPages() {
        SlackSandbox big = SlackSandbox.workspace(450, practice.adminEmail);
        big.connect(api, practice.admin());
        int before = big.sandbox.requests("slack").size();

        Api.Response refreshed = api.post("/connections/slack/channels/refresh", practice.admin(), "");

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().size()).isEqualTo(450);
        assertThat(big.sandbox.requests("slack").stream().skip(before)
                .filter(r -> r.path().equals("/api/conversations.list")).count()).isGreaterThanOrEqualTo(3);
        var channels = api.get("/connections/slack/channels", practice.staff()).json();
        assertThat(channels.size()).isEqualTo(450);
        assertThat(channels.valueStream().filter(c -> c.get("id").asText().equals(big.channelId(0))).findFirst()
                .orElseThrow().get("member").asBoolean()).isTrue();
        assertThat(api.post("/connections/slack/channels/refresh", practice.staff(), "").status()).isEqualTo(403);
    }

    @Test
    void settingsUseTheConnectedWorkspacesChannels() {
        slack.connect(api, practice.admin());
        api.post("/connections/slack/channels/refresh", practice.admin(), "");

        Api.Response frontDesk = api.put("/settings/REGISTER/CORRESPONDENCE_SHARED", practice.admin(),
                Map.of("deliveryMode", "EMAIL_AND_CHAT", "channelId", slack.channelId(0)));
        Api.Response partners = api.put("/settings/WORKFLOW/JOB_STAGE_ENTERED", practice.admin(),
                Map.of("channelId", slack.channelId(1)));

        assertThat(frontDesk.status()).as(frontDesk.body()).isEqualTo(200);
        assertThat(frontDesk.json().get("warnings")).isEmpty();
        assertThat(partners.json().get("warnings").get(0).get("code").asText()).isEqualTo("NOT_IN_CHANNEL");
        PracticeMother other = PracticeMother.withStaff(api, "Nosy Co");
        assertThat(api.get("/connections/slack/channels", other.admin()).json()).isEmpty();
        assertThat(api.get("/connections", other.admin()).json().get(0).get("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(api.get("/settings", other.admin()).json().get("settings")).isEmpty();
    }

    @Test
    void disconnectRevokesAtSlackForgetsTheTokenAndTellsEveryone() {
        slack.connect(api, practice.admin());
        String botToken = api.get(tokenPath(), TestTokens.service("internal")).json().get("botToken").asText();

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTEGRATION_CONNECTION.name(), Topics.INTEGRATION_SETTINGS.name())) {
            assertThat(api.delete("/connections/slack", practice.staff()).status()).isEqualTo(403);
            assertThat(api.delete("/connections/slack", practice.admin()).status()).isEqualTo(204);

            Events.await(probe, EventTypes.CONNECTION_CHANGED, practice.id,
                    c -> c.status() == ConnectionStatus.DISCONNECTED);
            Events.await(probe, EventTypes.NOTIFICATION_SETTINGS, practice.id, s -> s.connectedProviders().isEmpty());
        }
        assertThat(slack.sandbox.requests("slack")).anyMatch(r -> r.path().equals("/api/auth.revoke"));
        assertThat(authTest(botToken).getError()).isEqualTo("invalid_auth");
        Api.Response token = api.get(tokenPath(), TestTokens.service("internal"));
        assertThat(token.status()).isEqualTo(404);
        assertThat(token.json().get("reason").asText()).isEqualTo("PROVIDER_DISCONNECTED");
        assertThat(jdbc.sql("select count(*) from slack_connection where practice_id = :p").param("p", practice.id)
                .query(Long.class).single()).isZero();
        assertThat(api.delete("/connections/slack", practice.admin()).status()).isEqualTo(404);
        assertThat(api.post("/connections/slack/authorize", practice.admin(), "").status())
                .as("connecting again is allowed").isEqualTo(200);
    }

    private String tokenPath() {
        return "/internal/practices/" + practice.id + "/connections/slack/token";
    }

    private String slackIdOf(String email) {
        return api.get("/directory/users", practice.admin()).json().valueStream()
                .filter(u -> u.get("email").asText().equals(email)).findFirst().orElseThrow()
                .get("slackUserId").asText(null);
    }

    private AuthTestResponse authTest(String token) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.sandbox.slackMethodsUrl());
        config.setStatsEnabled(false);
        try {
            return Slack.getInstance(config).methods(token).authTest(r -> r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

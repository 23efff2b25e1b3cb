package io.switchboard.integration.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.vault.Sealed;
import io.switchboard.integration.vault.Vault;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import io.switchboard.platform.test.TestTokens;

/** The one way out of the vault: services with scope internal, for a connected practice. */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InternalTokenEndpointIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Vault vault;
    Api api;
    PracticeMother practice;
    final String botToken = "xoxb-" + UUID.randomUUID();

    @BeforeEach
    void practice() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Token Co");
    }

    @Test
    void aServiceReadsAConnectedPracticesTokenAndAPracticeUserCannot() {
        connect(practice.id, vault.seal(practice.id, SlackConnections.TOKEN_PURPOSE, botToken));

        Api.Response asService = api.get(path(practice.id), TestTokens.service("internal"));

        assertThat(asService.status()).isEqualTo(200);
        assertThat(asService.json().get("botToken").asText()).isEqualTo(botToken);
        assertThat(asService.json().get("teamId").asText()).isEqualTo("T0TOKEN");
        assertThat(asService.json().get("botUserId").asText()).isEqualTo("U0BOT");
        assertThat(api.get(path(practice.id), practice.admin()).status()).isEqualTo(403);
        assertThat(api.get(path(practice.id), TestTokens.service("reports")).status()).isEqualTo(403);
        Api.Response connections = api.get("/connections", practice.staff());
        assertThat(connections.json().get(0).get("status").asText()).isEqualTo("CONNECTED");
        assertThat(connections.body()).doesNotContain(botToken);
    }

    @Test
    void aPracticeWithoutSlackHasNoToken() {
        Api.Response asService = api.get(path(practice.id), TestTokens.service("internal"));

        assertThat(asService.status()).isEqualTo(404);
        assertThat(asService.contentType()).startsWith("application/problem+json");
        assertThat(asService.json().get("reason").asText()).isEqualTo("PROVIDER_DISCONNECTED");
    }

    @Test
    void aTokenRowCopiedToAnotherPracticeDoesNotOpen(CapturedOutput output) {
        PracticeMother thief = PracticeMother.withStaff(api, "Thief Co");
        connect(thief.id, vault.seal(practice.id, SlackConnections.TOKEN_PURPOSE, botToken));

        Api.Response stolen = api.get(path(thief.id), TestTokens.service("internal"));

        assertThat(stolen.status()).isEqualTo(500);
        assertThat(stolen.json().get("reason").asText()).isEqualTo("CREDENTIAL_UNREADABLE");
        assertThat(stolen.body()).doesNotContain(botToken);
        assertThat(output.getAll()).contains("cannot be opened").doesNotContain(botToken);
    }

    private void connect(UUID practiceId, Sealed sealed) {
        jdbc.sql("""
                insert into slack_connection (practice_id, team_id, team_name, bot_user_id, token_key_id, token_sealed,
                                              connected_by)
                values (:p, 'T0TOKEN', 'Token Team', 'U0BOT', :key, :sealed, :by)
                """).param("p", practiceId).param("key", sealed.keyId()).param("sealed", sealed.ciphertext())
                .param("by", practice.adminId).update();
    }

    private static String path(UUID practiceId) {
        return "/internal/practices/" + practiceId + "/connections/slack/token";
    }
}

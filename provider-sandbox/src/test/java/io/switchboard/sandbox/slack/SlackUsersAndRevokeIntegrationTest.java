package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthRevokeResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SlackWorkspaceMother;

/** {@code users.lookupByEmail} and token revocation through the real Slack SDK. */
class SlackUsersAndRevokeIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static Slack slack;

    @BeforeAll
    static void slackClient() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(sandbox.slackMethodsUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void closeSlackClient() throws Exception {
        slack.close();
    }

    @BeforeEach
    void seedWorkspace() {
        sandbox.reset();
        sandbox.slack().seed(SlackWorkspaceMother.acme());
    }

    @Test
    void lookupByEmailFindsTheWorkspaceMemberWithThatEmail() throws Exception {
        UsersLookupByEmailResponse response =
                slack.methods(ACME_BOT_TOKEN).usersLookupByEmail(r -> r.email("Amy@acme-accounting.test"));

        assertThat(response.isOk()).isTrue();
        assertThat(response.getUser().getId()).isEqualTo("U0AMY");
        assertThat(response.getUser().getTeamId()).isEqualTo(ACME_TEAM_ID);
        assertThat(response.getUser().getProfile().getEmail()).isEqualTo("amy@acme-accounting.test");
    }

    @Test
    void lookupByEmailAnswersUsersNotFoundForAnUnknownEmail() throws Exception {
        UsersLookupByEmailResponse response =
                slack.methods(ACME_BOT_TOKEN).usersLookupByEmail(r -> r.email("nobody@acme-accounting.test"));

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("users_not_found");
    }

    @Test
    void callsWithATokenRevokedByAuthRevokeAnswerInvalidAuth() throws Exception {
        AuthRevokeResponse revoked = slack.methods(ACME_BOT_TOKEN).authRevoke(r -> r);
        AuthTestResponse after = slack.methods(ACME_BOT_TOKEN).authTest(r -> r);

        assertThat(revoked.isOk()).isTrue();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(after.isOk()).isFalse();
        assertThat(after.getError()).isEqualTo("invalid_auth");
    }

    @Test
    void callsWithATokenRevokedOutOfBandAnswerTokenRevoked() throws Exception {
        assertThat(sandbox.slack().revokeTokenOutOfBand(ACME_BOT_TOKEN)).isTrue();

        AuthTestResponse after = slack.methods(ACME_BOT_TOKEN).authTest(r -> r);

        assertThat(after.isOk()).isFalse();
        assertThat(after.getError()).isEqualTo("token_revoked");
    }
}

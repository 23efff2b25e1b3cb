package io.switchboard.integration.slack.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.integration.support.PracticeMother;
import io.switchboard.integration.support.RegisterStub;
import io.switchboard.integration.support.SlackInteractionRequests;
import io.switchboard.integration.vault.Sealed;
import io.switchboard.integration.vault.Vault;
import io.switchboard.platform.test.Api;
import io.switchboard.platform.test.SwitchboardIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Slack's "Mark as actioned" button reaching the service: only signed, fresh, first-seen requests count; a
 * staff user of the practice connected to the workspace gets the entry marked in the register (a real HTTP
 * stand-in for register-service); everyone else is told why and nothing changes.
 */
@SwitchboardIntegrationTest
class SlackInteractionsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Vault vault;
    final RegisterStub register = RegisterStub.shared();
    final UUID entryId = UUID.randomUUID();
    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    final String teamId = "T" + suffix;
    final String staffSlackId = "U" + suffix + "1";
    Api api;
    PracticeMother practice;

    @BeforeEach
    void practiceConnectedToAWorkspaceWithALinkedStaffUser() {
        api = Api.onPort(port);
        practice = PracticeMother.withStaff(api, "Interactive Co");
        Sealed token = vault.seal(practice.id, "slack-bot-token", "xoxb-" + suffix);
        jdbc.sql("""
                insert into slack_connection (practice_id, team_id, team_name, bot_user_id, token_key_id, token_sealed,
                                              connected_by)
                values (:p, :team, 'Interactive', :bot, :key, :sealed, :by)
                """).param("p", practice.id).param("team", teamId).param("bot", "U" + suffix + "BOT")
                .param("key", token.keyId()).param("sealed", token.ciphertext()).param("by", practice.adminId).update();
        jdbc.sql("update staff_user set slack_user_id = :slack where practice_id = :p and id = :id")
                .param("slack", staffSlackId).param("p", practice.id).param("id", practice.staffId).update();
    }

    @Test
    void aStaffUsersPressMarksTheEntryActionedInTheRegisterAsThem() {
        Api.Response response = api.send(SlackInteractionRequests.signed(api, markActioned(teamId, staffSlackId)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(register.receivedFor(entryId)).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.practiceId()).isEqualTo(practice.id);
            assertThat(call.internalToken()).as("bearer token with scope internal").isTrue();
            assertThat(call.body().get("actionedByUserId").asText()).isEqualTo(practice.staffId.toString());
            assertThat(call.body().get("via").asText()).isEqualTo("SLACK");
        });
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWithoutSayingWhyAndReachesNothing() {
        byte[] body = markActioned(teamId, staffSlackId);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        Api.Response wrongSecret = api.send(SlackInteractionRequests.request(api, body, timestamp,
                SlackInteractionRequests.signature("not-the-signing-secret", timestamp, body)));
        Api.Response unsigned = api.send(SlackInteractionRequests.request(api, body, null, null));
        byte[] tampered = markActioned(teamId, "U" + suffix + "OTHER");
        Api.Response otherBody = api.send(SlackInteractionRequests.request(api, tampered, timestamp,
                SlackInteractionRequests.signature(SlackInteractionRequests.SIGNING_SECRET, timestamp, body)));

        for (Api.Response refused : new Api.Response[] {wrongSecret, unsigned, otherBody}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).isEqualTo(SlackInteractionsController.REFUSED);
        }
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void aReplayedRequestIsRefused() {
        var request = SlackInteractionRequests.signed(api, markActioned(teamId, staffSlackId));

        assertThat(api.send(request).status()).isEqualTo(200);
        Api.Response replayed = api.send(request);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.contentType()).startsWith("application/problem+json");
        assertThat(replayed.json().get("detail").asText()).isEqualTo(SlackInteractionsController.REFUSED);
        assertThat(register.receivedFor(entryId)).hasSize(1);
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenCorrectlySigned() {
        byte[] body = markActioned(teamId, staffSlackId);
        String stale = Long.toString(Instant.now().getEpochSecond() - 6 * 60);

        Api.Response refused = api.send(SlackInteractionRequests.request(api, body, stale,
                SlackInteractionRequests.signature(SlackInteractionRequests.SIGNING_SECRET, stale, body)));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void aWorkspaceNoPracticeConnectedGetsAnEphemeralExplanationAndChangesNothing() {
        Api.Response response = api.send(SlackInteractionRequests.signed(api,
                markActioned("T" + suffix + "ELSEWHERE", staffSlackId)));

        assertEphemeral(response, SlackInteractions.UNKNOWN_WORKSPACE);
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void aSlackUserNoStaffUserIsLinkedToGetsAnEphemeralExplanationAndChangesNothing() {
        Api.Response response = api.send(SlackInteractionRequests.signed(api, markActioned(teamId, "U" + suffix + "9")));

        assertEphemeral(response, SlackInteractions.UNKNOWN_USER);
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void aDeactivatedStaffUserIsNoLongerRecognised() {
        jdbc.sql("update staff_user set active = false where practice_id = :p and id = :id")
                .param("p", practice.id).param("id", practice.staffId).update();

        Api.Response response = api.send(SlackInteractionRequests.signed(api, markActioned(teamId, staffSlackId)));

        assertEphemeral(response, SlackInteractions.UNKNOWN_USER);
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void anEntryTheRegisterDoesNotHaveIsExplainedToThePresser() {
        register.forget(entryId);

        Api.Response response = api.send(SlackInteractionRequests.signed(api, markActioned(teamId, staffSlackId)));

        assertEphemeral(response, SlackInteractions.UNKNOWN_ENTRY);
        assertThat(register.receivedFor(entryId)).singleElement()
                .satisfies(call -> assertThat(call.practiceId()).isEqualTo(practice.id));
    }

    @Test
    void anActionThatIsNotOursIsAcknowledgedAndIgnored() {
        byte[] body = SlackInteractionRequests.form(SlackInteractionRequests.blockActions(teamId, staffSlackId,
                "someone.elses.button", entryId.toString()));

        Api.Response response = api.send(SlackInteractionRequests.signed(api, body));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void aSignedButUnreadablePayloadIsABadRequest() {
        byte[] notJson = "payload=%7Bnot%20json".getBytes(StandardCharsets.US_ASCII);
        byte[] noPayload = "token=abc&team_id=T1".getBytes(StandardCharsets.US_ASCII);
        byte[] notAnEntryId = SlackInteractionRequests.form(SlackInteractionRequests.blockActions(teamId, staffSlackId,
                MessageAction.MARK_ACTIONED, "not-an-id"));
        byte[] noUser = SlackInteractionRequests.form(SlackInteractionRequests.blockActions(teamId, staffSlackId,
                MessageAction.MARK_ACTIONED, entryId.toString()).replace("\"user\":", "\"someone\":"));

        for (byte[] body : new byte[][] {notJson, noPayload, notAnEntryId, noUser}) {
            Api.Response response = api.send(SlackInteractionRequests.signed(api, body));
            assertThat(response.status()).as(new String(body, StandardCharsets.US_ASCII)).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(register.receivedFor(entryId)).isEmpty();
    }

    @Test
    void isDocumentedAsSlackSignedRatherThanBearer() {
        JsonNode docs = api.get("/v3/api-docs", null).json();

        JsonNode operation = docs.get("paths").get("/slack/interactions").get("post");
        assertThat(operation.get("security")).hasSize(1);
        assertThat(operation.get("security").get(0).has(SlackInteractionsController.SLACK_SIGNATURE)).isTrue();
        assertThat(operation.get("security").get(0).has("bearer")).isFalse();
        assertThat(operation.get("requestBody").get("content").has("application/x-www-form-urlencoded")).isTrue();
        JsonNode scheme = docs.get("components").get("securitySchemes").get(SlackInteractionsController.SLACK_SIGNATURE);
        assertThat(scheme.get("in").asText()).isEqualTo("header");
        assertThat(scheme.get("name").asText()).isEqualTo("X-Slack-Signature");
    }

    private byte[] markActioned(String team, String slackUser) {
        return SlackInteractionRequests.form(SlackInteractionRequests.blockActions(team, slackUser,
                MessageAction.MARK_ACTIONED, entryId.toString()));
    }

    private static void assertEphemeral(Api.Response response, String text) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(response.json().get("replace_original").asBoolean()).isFalse();
        assertThat(response.json().get("text").asText()).isEqualTo(text);
    }
}

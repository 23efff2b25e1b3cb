package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.SandboxApi;
import io.switchboard.sandbox.support.SlackWorkspaceMother;
import tools.jackson.databind.JsonNode;

/** Message buttons checked as Slack checks them, and {@code chat.update}, through the real Slack SDK. */
class SlackChatUpdateIntegrationTest {

    static final String CHANNEL = "C0FRONTDESK";
    static final String BUTTON_BLOCKS = """
            [{"type":"section","text":{"type":"mrkdwn","text":"Phone message from Linh"}},
             {"type":"actions","elements":[
               {"type":"button","text":{"type":"plain_text","text":"Mark as actioned"},
                "action_id":"switchboard.entry.mark_actioned","value":"entry-42","style":"primary"},
               {"type":"button","text":{"type":"plain_text","text":"Open"},"url":"https://app.test/entries/42"}]}]
            """;
    private static final String DONE_BLOCKS = """
            [{"type":"section","text":{"type":"mrkdwn","text":"Phone message from Linh — actioned by Amy"}}]
            """;

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();
    private static final SandboxApi api = new SandboxApi(sandbox);
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
    void keepsButtonsAsPostedWithTheIdsSlackGeneratesAndShowsThemInTheMessagesApi() throws Exception {
        ChatPostMessageResponse posted = post("Phone message from Linh", BUTTON_BLOCKS);

        assertThat(posted.isOk()).isTrue();
        JsonNode message = SandboxApi.json(api.get("/sandbox/api/slack/messages?team=" + ACME_TEAM_ID + "&channel=" + CHANNEL))
                .get(0);
        JsonNode buttons = message.get("blocks").get(1).get("elements");
        assertThat(buttons.get(0).get("action_id").asString()).isEqualTo("switchboard.entry.mark_actioned");
        assertThat(buttons.get(0).get("value").asString()).isEqualTo("entry-42");
        assertThat(buttons.get(1).get("action_id").asString()).as("generated, as Slack does").isNotBlank();
        assertThat(message.get("blocks").get(0).get("block_id").asString()).isNotBlank();
        assertThat(message.get("blocks").get(1).get("block_id").asString()).isNotBlank();
        assertThat(message.get("edits")).isEmpty();
    }

    @Test
    void refusesButtonsSlackWouldRefuseWithInvalidBlocksAndTheReason() throws Exception {
        String longLabel = "x".repeat(76);
        ChatPostMessageResponse tooLongLabel = post("t", actions(button(longLabel, "a1", "v")));
        ChatPostMessageResponse duplicateActionId = post("t", actions(button("One", "same", "v") + "," + button("Two", "same", "v")));
        ChatPostMessageResponse tooLongValue = post("t", actions(button("One", "a1", "v".repeat(2001))));
        ChatPostMessageResponse tooLongActionId = post("t", actions(button("One", "a".repeat(256), "v")));
        ChatPostMessageResponse noElements = post("t", "[{\"type\":\"actions\",\"elements\":[]}]");
        String twentySix = String.join(",", java.util.stream.IntStream.range(0, 26).mapToObj(i -> button("B" + i, "a" + i, "v")).toList());
        ChatPostMessageResponse tooManyElements = post("t", actions(twentySix));
        ChatPostMessageResponse markdownLabel = post("t", actions(
                "{\"type\":\"button\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*One*\"},\"action_id\":\"a1\"}"));
        ChatPostMessageResponse noLabel = post("t", actions("{\"type\":\"button\",\"action_id\":\"a1\"}"));

        assertThat(List.of(tooLongLabel, duplicateActionId, tooLongValue, tooLongActionId, noElements, tooManyElements,
                markdownLabel, noLabel)).allSatisfy(response -> {
                    assertThat(response.isOk()).isFalse();
                    assertThat(response.getError()).isEqualTo("invalid_blocks");
                });
        assertThat(tooLongLabel.getErrors())
                .containsExactly("must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]");
        assertThat(tooManyElements.getErrors()).containsExactly("no more than 25 items allowed [json-pointer:/blocks/0/elements]");
        assertThat(sandbox.slack().messages(ACME_TEAM_ID, CHANNEL)).isEmpty();
    }

    @Test
    void acceptsButtonsAtSlacksLimits() throws Exception {
        String twentyFive = String.join(",", java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> button(i == 0 ? "x".repeat(75) : "B" + i, i == 1 ? "a".repeat(255) : "a" + i,
                        i == 2 ? "v".repeat(2000) : "v"))
                .toList());

        assertThat(post("t", actions(twentyFive)).isOk()).isTrue();
    }

    @Test
    void updateReplacesTextAndBlocksUnderTheSameTsAndCountsTheEdit() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();

        ChatUpdateResponse updated = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts)
                .text("Actioned by Amy").blocksAsString(DONE_BLOCKS));

        assertThat(updated.isOk()).isTrue();
        assertThat(updated.getChannel()).isEqualTo(CHANNEL);
        assertThat(updated.getTs()).isEqualTo(ts);
        assertThat(updated.getText()).isEqualTo("Actioned by Amy");
        List<SlackMessage> messages = sandbox.slack().messages(ACME_TEAM_ID, CHANNEL);
        assertThat(messages).hasSize(1);
        SlackMessage message = messages.get(0);
        assertThat(message.ts()).isEqualTo(ts);
        assertThat(message.text()).isEqualTo("Actioned by Amy");
        assertThat(message.blocks().toString()).contains("actioned by Amy").doesNotContain("\"button\"");
        assertThat(message.edits()).hasSize(1);
        assertThat(message.edits().get(0).previousText()).isEqualTo("Phone message from Linh");
        assertThat(message.edits().get(0).previousBlocks().toString()).contains("switchboard.entry.mark_actioned");
        JsonNode viaApi = SandboxApi.json(api.get("/sandbox/api/slack/messages?team=" + ACME_TEAM_ID + "&channel=" + CHANNEL)).get(0);
        assertThat(viaApi.get("edits")).hasSize(1);
        assertThat(viaApi.get("edits").get(0).get("editedAt").asString()).isNotBlank();
    }

    @Test
    void updateWithoutBlocksKeepsThemAndAnEmptyArrayRemovesThem() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();

        slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("Still open"));
        SlackMessage kept = sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow();
        slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("Actioned").blocksAsString("[]"));
        SlackMessage removed = sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow();

        assertThat(kept.blocks().toString()).contains("switchboard.entry.mark_actioned");
        assertThat(removed.blocks()).isNull();
        assertThat(removed.text()).isEqualTo("Actioned");
        assertThat(removed.edits()).hasSize(2);
    }

    @Test
    void updateAcceptsAJsonBodyWithBlocksAsAnArray() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();

        ResponseEntity<String> answer = RestClient.create(sandbox.baseUrl()).post().uri("/api/chat.update")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACME_BOT_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channel", CHANNEL, "ts", ts, "text", "Actioned by Amy",
                        "blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "Done")))))
                .retrieve().toEntity(String.class);

        JsonNode body = SandboxApi.json(answer);
        assertThat(body.get("ok").asBoolean()).as(answer.getBody()).isTrue();
        assertThat(body.get("text").asString()).isEqualTo("Actioned by Amy");
        assertThat(body.get("message").get("edited").get("user").asString()).isEqualTo(SlackWorkspaceMother.ACME_BOT_USER_ID);
        assertThat(sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow().blocks().toString()).contains("Done");
    }

    @Test
    void updateAnswersSlacksErrorsAndChangesNothing() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();
        String membersTs = sandbox.slack().postAsMember(ACME_TEAM_ID, CHANNEL, "U0AMY", "I'll call her back").ts();

        ChatUpdateResponse unknownTs = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts("1700000000.000001").text("x"));
        ChatUpdateResponse otherChannel = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel("D0AMY").ts(ts).text("x"));
        ChatUpdateResponse notOurs = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(membersTs).text("x"));
        ChatUpdateResponse unknownChannel = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel("C0NOPE").ts(ts).text("x"));
        ChatUpdateResponse userIdAsChannel = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel("U0AMY").ts(ts).text("x"));
        ChatUpdateResponse badButton = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("x")
                .blocksAsString(actions(button("x".repeat(76), "a", "v"))));
        ChatUpdateResponse unknownToken = slack.methods("xoxb-not-a-token").chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("x"));
        sandbox.slack().revokeTokenOutOfBand(ACME_BOT_TOKEN);
        ChatUpdateResponse revoked = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("x"));

        assertThat(unknownTs.getError()).isEqualTo("message_not_found");
        assertThat(otherChannel.getError()).isEqualTo("message_not_found");
        assertThat(notOurs.getError()).isEqualTo("cant_update_message");
        assertThat(unknownChannel.getError()).isEqualTo("channel_not_found");
        assertThat(userIdAsChannel.getError()).isEqualTo("channel_not_found");
        assertThat(badButton.getError()).isEqualTo("invalid_blocks");
        assertThat(unknownToken.getError()).isEqualTo("invalid_auth");
        assertThat(revoked.getError()).isEqualTo("token_revoked");
        assertThat(sandbox.slack().messages(ACME_TEAM_ID, CHANNEL)).allSatisfy(message -> assertThat(message.edits()).isEmpty());
        assertThat(sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow().text()).isEqualTo("Phone message from Linh");
    }

    @Test
    void updateIsLimitedPerWorkspaceWith429AndRetryAfter() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();
        sandbox.limits().override("slack", "chat-update", new RateLimit(1, Duration.ofMinutes(1), 1));

        ChatUpdateResponse first = slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("one"));
        SlackApiException refused = catchThrowableOfType(SlackApiException.class,
                () -> slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("two")));

        assertThat(first.isOk()).isTrue();
        assertThat(refused.getResponse().code()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getResponse().header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(sandbox.slack().message(ACME_TEAM_ID, CHANNEL, ts).orElseThrow().text()).isEqualTo("one");
    }

    @Test
    void updateCallsAreRecordedLikeOtherCalls() throws Exception {
        String ts = post("Phone message from Linh", BUTTON_BLOCKS).getTs();

        slack.methods(ACME_BOT_TOKEN).chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("Actioned"));

        List<RecordedRequest> updates = sandbox.requests("slack").stream()
                .filter(request -> request.path().equals("/api/chat.update")).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).formValue("ts")).isEqualTo(ts);
        assertThat(updates.get(0).formValue("text")).isEqualTo("Actioned");
        assertThat(updates.get(0).status()).isEqualTo(200);
        assertThat(updates.get(0).header("Authorization")).doesNotContain(ACME_BOT_TOKEN);
    }

    private static ChatPostMessageResponse post(String text, String blocks) throws Exception {
        return slack.methods(ACME_BOT_TOKEN).chatPostMessage(r -> r.channel(CHANNEL).text(text).blocksAsString(blocks));
    }

    static String actions(String elements) {
        return "[{\"type\":\"actions\",\"elements\":[" + elements + "]}]";
    }

    static String button(String label, String actionId, String value) {
        return "{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + label + "\"},\"action_id\":\""
                + actionId + "\",\"value\":\"" + value + "\"}";
    }
}

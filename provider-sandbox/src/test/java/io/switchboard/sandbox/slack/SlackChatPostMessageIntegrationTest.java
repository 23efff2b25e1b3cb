package io.switchboard.sandbox.slack;

import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_BOT_TOKEN;
import static io.switchboard.sandbox.support.SlackWorkspaceMother.ACME_TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.SlackWorkspaceMother;

/** {@code conversations.open} and {@code chat.postMessage} through the real Slack SDK. */
class SlackChatPostMessageIntegrationTest {

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
    void postsBlockKitMessageToAMemberChannelAndStoresItWithParsedBlocks() throws Exception {
        String blocks = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"Open\"},\"url\":\"https://app.test/x\"}]}]";

        ChatPostMessageResponse response = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0FRONTDESK").text("New request").blocksAsString(blocks));

        assertThat(response.isOk()).isTrue();
        assertThat(response.getChannel()).isEqualTo("C0FRONTDESK");
        assertThat(response.getTs()).matches("\\d{10}\\.\\d{6}");
        List<SlackMessage> messages = sandbox.slack().messages(ACME_TEAM_ID, "C0FRONTDESK");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).blocks().get(0).get("elements").get(0).get("url").asString())
                .isEqualTo("https://app.test/x");
    }

    @Test
    void opensAStableDmAndPostsToIt() throws Exception {
        ConversationsOpenResponse first = slack.methods(ACME_BOT_TOKEN).conversationsOpen(r -> r.users(List.of("U0AMY")));
        ConversationsOpenResponse second = slack.methods(ACME_BOT_TOKEN).conversationsOpen(r -> r.users(List.of("U0AMY")));
        ChatPostMessageResponse posted = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel(first.getChannel().getId()).text("hi"));

        assertThat(first.getChannel().getId()).startsWith("D").isEqualTo(second.getChannel().getId());
        assertThat(posted.isOk()).isTrue();
        assertThat(sandbox.slack().messages(ACME_TEAM_ID, first.getChannel().getId())).hasSize(1);
    }

    @Test
    void refusesAPublicChannelTheBotIsNotInWithNotInChannel() throws Exception {
        ChatPostMessageResponse response = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0PARTNERS").text("hi"));

        assertThat(response.getError()).isEqualTo("not_in_channel");
    }

    @Test
    void refusesAnUnknownChannelWithChannelNotFound() throws Exception {
        ChatPostMessageResponse response = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0NOPE").text("hi"));

        assertThat(response.getError()).isEqualTo("channel_not_found");
    }

    @Test
    void refusesInvalidBlocksAndMissingText() throws Exception {
        ChatPostMessageResponse invalid = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0FRONTDESK").blocksAsString("[{\"no\":\"type\"}]"));
        ChatPostMessageResponse empty = slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0FRONTDESK"));

        assertThat(invalid.getError()).isEqualTo("invalid_blocks");
        assertThat(empty.getError()).isEqualTo("no_text");
    }

    @Test
    void refusesWith429AndRetryAfterOnceTheChannelBurstIsSpentWhileAnotherChannelStillAccepts() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(slack.methods(ACME_BOT_TOKEN).chatPostMessage(r -> r.channel("C0FRONTDESK").text("x")).isOk())
                    .isTrue();
        }

        SlackApiException refused = catchThrowableOfType(SlackApiException.class, () -> slack.methods(ACME_BOT_TOKEN)
                .chatPostMessage(r -> r.channel("C0FRONTDESK").text("x")));
        ChatPostMessageResponse dm = slack.methods(ACME_BOT_TOKEN).chatPostMessage(r -> r.channel("U0AMY").text("x"));

        assertThat(refused.getResponse().code()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getResponse().header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(dm.isOk()).isTrue();
        assertThat(sandbox.slack().messages(ACME_TEAM_ID, "C0FRONTDESK")).hasSize(3);
    }
}

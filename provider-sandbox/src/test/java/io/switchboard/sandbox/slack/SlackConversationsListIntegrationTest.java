package io.switchboard.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.slack.SlackWorkspaceSeed.Channel;

/** {@code conversations.list} pagination and archived channels through the real Slack SDK. */
class SlackConversationsListIntegrationTest {

    private static final String TOKEN = "xoxb-3333333333-4444444444-ListTestTokenSecret9b1c";
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
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            channels.add(Channel.withBot("C0PUB" + i, "pub-" + i));
        }
        channels.add(new Channel("C0SECRET", "secret", true, false, true, List.of()));
        channels.add(new Channel("C0OLD", "old", false, true, true, List.of()));
        sandbox.slack().seed(new SlackWorkspaceSeed("T0LIST0001", "List Practice", "list-practice", TOKEN,
                "U0LISTBOT", "B0LISTBOT", "switchboard", channels, List.of()));
    }

    @Test
    void pagesThroughAllPublicAndPrivateChannelsWithCursorsEndingInAnEmptyCursor() throws Exception {
        List<Conversation> all = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            String current = cursor;
            ConversationsListResponse page = slack.methods(TOKEN).conversationsList(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(3).cursor(current));
            assertThat(page.isOk()).isTrue();
            all.addAll(page.getChannels());
            cursor = page.getResponseMetadata().getNextCursor();
            cursors.add(cursor);
        } while (!cursor.isEmpty());

        assertThat(cursors).hasSize(3).last().isEqualTo("");
        assertThat(all).extracting(Conversation::getId).hasSize(8).doesNotContain("C0OLD").contains("C0SECRET");
        assertThat(all).allSatisfy(c -> assertThat(c.isMember()).isTrue());
    }

    @Test
    void refusesToPostToAnArchivedChannelWithIsArchived() throws Exception {
        ChatPostMessageResponse response = slack.methods(TOKEN).chatPostMessage(r -> r.channel("C0OLD").text("x"));

        assertThat(response.getError()).isEqualTo("is_archived");
    }
}

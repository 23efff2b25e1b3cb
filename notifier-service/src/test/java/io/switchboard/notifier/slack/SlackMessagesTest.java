package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackMessagesTest {

    @Test
    void userTextCannotFormatOrLinkButTheRoutersUserMentionsStayMentions() {
        String escaped = SlackMessages.escape("<@U1KIM> see <https://evil.example|your invoice> & <!channel>");

        assertThat(escaped).isEqualTo("<@U1KIM> see &lt;https://evil.example|your invoice&gt; &amp; &lt;!channel&gt;");
    }
}

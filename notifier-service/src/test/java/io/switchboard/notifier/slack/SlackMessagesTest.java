package io.switchboard.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.contracts.notification.MessageContent;

class SlackMessagesTest {

    @Test
    void userTextCannotFormatOrLinkButTheRoutersUserMentionsStayMentions() {
        String escaped = SlackMessages.escape("<@U1KIM> see <https://evil.example|your invoice> & <!channel>");

        assertThat(escaped).isEqualTo("<@U1KIM> see &lt;https://evil.example|your invoice&gt; &amp; &lt;!channel&gt;");
    }

    @Test
    void actionsBecomeButtonsNextToTheLinkButton() {
        MessageContent content = new MessageContent("Phone message: Acme", "Call back", List.of(),
                "https://app.example/register/entries/1", "Record Summary")
                .withActions(List.of(new MessageAction(MessageAction.MARK_ACTIONED, "Mark as actioned", "entry-1")));

        List<ButtonElement> buttons = buttons(SlackMessages.blocks(content));

        assertThat(buttons).extracting(ButtonElement::getActionId)
                .containsExactly("record_summary", MessageAction.MARK_ACTIONED);
        assertThat(buttons.get(0).getUrl()).isEqualTo("https://app.example/register/entries/1");
        assertThat(buttons.get(1).getValue()).isEqualTo("entry-1");
        assertThat(buttons.get(1).getText().getType()).isEqualTo("plain_text");
        assertThat(buttons.get(1).getText().getText()).isEqualTo("Mark as actioned");
        assertThat(buttons.get(1).getUrl()).isNull();
    }

    @Test
    void buttonsStayWithinSlacksLimits() {
        List<MessageAction> actions = new ArrayList<>();
        actions.add(new MessageAction("long-label", "L".repeat(200), "v"));
        actions.add(new MessageAction("long-label", "duplicate action id", "v"));
        actions.add(new MessageAction("long-value", "too long to send", "v".repeat(2001)));
        actions.add(new MessageAction("a".repeat(256), "action id too long", "v"));
        for (int i = 0; i < 40; i++) {
            actions.add(new MessageAction("action-" + i, "Button " + i, "v" + i));
        }
        MessageContent content = new MessageContent("Title", null, List.of(), "https://app.example/x", "Open")
                .withActions(actions);

        List<ButtonElement> buttons = buttons(SlackMessages.blocks(content));

        assertThat(buttons).hasSize(25);
        assertThat(buttons).extracting(ButtonElement::getActionId).doesNotHaveDuplicates()
                .doesNotContain("long-value", "a".repeat(256));
        assertThat(buttons.get(1).getText().getText()).hasSize(75).endsWith("…");
    }

    @Test
    void contentWithoutLinkOrActionsHasNoActionsBlock() {
        List<LayoutBlock> blocks = SlackMessages.blocks(new MessageContent("Title", "Text", List.of(), null, null));

        assertThat(blocks).noneMatch(ActionsBlock.class::isInstance);
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(b -> b.getElements().stream()).map(ButtonElement.class::cast).toList();
    }
}

package io.switchboard.notifier.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;

import io.switchboard.contracts.notification.MessageAction;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;

/**
 * Block Kit for a notification: header, the text, the fields, and an actions block with the link button ("Record
 * Summary") and the message's own buttons ("Mark as actioned").
 */
final class SlackMessages {

    private SlackMessages() {
    }

    static List<LayoutBlock> blocks(MessageContent content) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(content.title(), 150)))));
        if (content.text() != null) {
            blocks.add(section(s -> s.text(markdownText(truncate(escape(content.text()), 3000)))));
        }
        if (!content.fields().isEmpty()) {
            List<TextObject> fields = new ArrayList<>();
            for (MessageField field : content.fields().subList(0, Math.min(10, content.fields().size()))) {
                fields.add(markdownText(truncate("*" + escape(field.label()) + "*\n" + escape(field.value()), 2000)));
            }
            blocks.add(section(s -> s.fields(fields)));
        }
        List<BlockElement> buttons = buttons(content);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return blocks;
    }

    /** Slack's limits for an actions block and its buttons. */
    static final int MAX_ELEMENTS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_ACTION_ID = 255;
    static final int MAX_VALUE = 2000;
    static final int MAX_URL = 3000;
    static final String LINK_ACTION_ID = "record_summary";

    /**
     * The link button, then the message's own buttons ({@code action_id} and {@code value} sent back to us when
     * pressed). Within Slack's limits: at most {@value #MAX_ELEMENTS} per block, labels cut to
     * {@value #MAX_BUTTON_TEXT} characters, action ids unique in the block; an action whose id or value is too long
     * to send is left out (cutting it would make it act on something else).
     */
    private static List<BlockElement> buttons(MessageContent content) {
        List<BlockElement> buttons = new ArrayList<>();
        Set<String> actionIds = new HashSet<>();
        if (content.linkUrl() != null && content.linkUrl().length() <= MAX_URL) {
            actionIds.add(LINK_ACTION_ID);
            buttons.add(button(b -> b.actionId(LINK_ACTION_ID)
                    .text(plainText(truncate(content.linkLabel(), MAX_BUTTON_TEXT)))
                    .url(content.linkUrl())));
        }
        for (MessageAction action : content.actionsOrNone()) {
            if (buttons.size() == MAX_ELEMENTS) {
                break;
            }
            if (action.actionId().length() > MAX_ACTION_ID || action.value().length() > MAX_VALUE
                    || !actionIds.add(action.actionId())) {
                continue;
            }
            buttons.add(button(b -> b.actionId(action.actionId())
                    .text(plainText(truncate(action.label(), MAX_BUTTON_TEXT)))
                    .value(action.value())));
        }
        return buttons;
    }

    /** The notification text for clients that cannot show blocks (and for push notifications). */
    static String fallback(MessageContent content) {
        StringBuilder text = new StringBuilder(content.title());
        if (content.linkUrl() != null) {
            text.append(" — ").append(content.linkUrl());
        }
        return text.toString();
    }

    /**
     * Escapes Slack's control characters so user text cannot format or link, except user mentions
     * ({@code <@U…>}, put there by the router to notify people; Slack ids are upper-case letters and digits).
     */
    static String escape(String text) {
        return USER_MENTION.matcher(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .replaceAll("<@$1>");
    }

    private static final java.util.regex.Pattern USER_MENTION = java.util.regex.Pattern.compile("&lt;@([UW][A-Z0-9]{2,20})&gt;");

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

package io.switchboard.notifier.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;

/** Block Kit for a notification: header, the text, the fields, and a link button ("Record Summary"). */
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
        if (content.linkUrl() != null) {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId("record_summary")
                    .text(plainText(content.linkLabel()))
                    .url(content.linkUrl()))))));
        }
        return blocks;
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

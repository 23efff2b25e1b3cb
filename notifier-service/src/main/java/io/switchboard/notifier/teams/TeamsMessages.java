package io.switchboard.notifier.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageMention;
import com.microsoft.graph.models.ChatMessageMentionedIdentitySet;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.TeamworkUserIdentity;
import com.microsoft.graph.models.TeamworkUserIdentityType;

import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.TeamsMention;

/**
 * A Teams channel message for a notification: the title as the subject, an HTML body with the mentions
 * ({@code <at id="N">name</at>} + a matching {@code mentions[N]}), the text, the fields and the Record Summary link.
 * Every piece of user text is HTML-escaped: an entry's subject or a caller's name can never inject markup, links or
 * fake mentions.
 *
 * <p>HTML rather than an Adaptive Card: mentions in an HTML body are Graph's documented, validated form (a card
 * needs {@code msteams.entities} inside the card JSON and an {@code <attachment>} reference in the body), HTML shows
 * the same on every Teams client and in the activity feed and search, and the essentials need no card layout.
 */
final class TeamsMessages {

    static final int SUBJECT_MAX = 250;

    private TeamsMessages() {
    }

    static ChatMessage message(MessageContent content, List<TeamsMention> mentions) {
        ChatMessage message = new ChatMessage();
        message.setSubject(truncate(content.title(), SUBJECT_MAX));
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(html(content, mentions));
        message.setBody(body);
        List<ChatMessageMention> entries = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            TeamsMention mention = mentions.get(i);
            TeamworkUserIdentity user = new TeamworkUserIdentity();
            user.setId(mention.microsoftUserId());
            user.setDisplayName(mention.displayName());
            user.setUserIdentityType(TeamworkUserIdentityType.AadUser);
            ChatMessageMentionedIdentitySet mentioned = new ChatMessageMentionedIdentitySet();
            mentioned.setUser(user);
            ChatMessageMention entry = new ChatMessageMention();
            entry.setId(i);
            entry.setMentionText(mention.displayName());
            entry.setMentioned(mentioned);
            entries.add(entry);
        }
        message.setMentions(entries);
        return message;
    }

    static String html(MessageContent content, List<TeamsMention> mentions) {
        StringBuilder html = new StringBuilder();
        if (!mentions.isEmpty()) {
            html.append("<p>");
            for (int i = 0; i < mentions.size(); i++) {
                html.append(i == 0 ? "" : " ").append("<at id=\"").append(i).append("\">")
                        .append(escape(mentions.get(i).displayName())).append("</at>");
            }
            html.append("</p>");
        }
        if (content.text() != null) {
            html.append("<p>").append(escape(content.text()).replace("\n", "<br>")).append("</p>");
        }
        if (!content.fields().isEmpty()) {
            html.append("<p>");
            boolean first = true;
            for (MessageField field : content.fields()) {
                html.append(first ? "" : "<br>").append("<b>").append(escape(field.label())).append(":</b> ")
                        .append(escape(field.value()));
                first = false;
            }
            html.append("</p>");
        }
        if (content.linkUrl() != null && isWebLink(content.linkUrl())) {
            html.append("<p><a href=\"").append(escape(content.linkUrl())).append("\">")
                    .append(escape(content.linkLabel())).append("</a></p>");
        }
        if (html.isEmpty()) {
            html.append("<p>").append(escape(content.title())).append("</p>");
        }
        return html.toString();
    }

    private static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

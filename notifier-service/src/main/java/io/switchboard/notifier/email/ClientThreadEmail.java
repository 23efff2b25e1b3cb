package io.switchboard.notifier.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.util.HtmlUtils;

import io.switchboard.contracts.notification.EmailNotificationRequested;
import io.switchboard.contracts.notification.MessageContent;
import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SourceKind;

/**
 * The email a client's portal user gets when the practice writes in their chat thread (W2, W3): friendly, from the
 * practice, with an excerpt, the number of new to-dos and a link to the thread in the portal — not the staff-facing
 * register layout. All user text is escaped in the HTML part; only an http(s) link becomes a button.
 *
 * <p>An email command carries a {@link MessageContent}, not a template, so the router puts the notice into the
 * content ({@link #content}) and the email worker reads it back ({@link #notice}) for every email about a
 * {@link SourceKind#WORKFLOW_THREAD workflow thread}: those go to portal users only.
 */
public final class ClientThreadEmail {

    static final String PRACTICE = "Practice";
    static final String RECIPIENT = "Recipient";
    static final String CONVERSATION = "Conversation";
    static final String TODOS = "New to-dos";
    public static final String LINK_LABEL = "Open the conversation";

    private ClientThreadEmail() {
    }

    /**
     * @param recipientName how to greet the portal user; {@code null} greets without a name
     * @param link          the thread in the client's portal
     */
    public record Notice(String practiceName, String recipientName, String threadSubject, String excerpt,
                         int todoCount, String link) {
    }

    public static String subject(Notice notice) {
        return oneLine(notice.practiceName() + " sent you a new message: " + notice.threadSubject());
    }

    /** The notice as the command carries it to the email worker. */
    public static MessageContent content(Notice notice) {
        List<MessageField> fields = new ArrayList<>();
        fields.add(new MessageField(PRACTICE, notice.practiceName()));
        if (notice.recipientName() != null) {
            fields.add(new MessageField(RECIPIENT, notice.recipientName()));
        }
        fields.add(new MessageField(CONVERSATION, notice.threadSubject()));
        fields.add(new MessageField(TODOS, Integer.toString(notice.todoCount())));
        return new MessageContent("New message from " + notice.practiceName(), notice.excerpt(), fields,
                notice.link(), LINK_LABEL);
    }

    /** The notice inside a command's content, when the command is a client thread email made by {@link #content}. */
    static Optional<Notice> notice(EmailNotificationRequested command) {
        MessageContent content = command.content();
        if (command.source().kind() != SourceKind.WORKFLOW_THREAD || content.text() == null
                || content.linkUrl() == null) {
            return Optional.empty();
        }
        String practice = field(content, PRACTICE);
        String conversation = field(content, CONVERSATION);
        String todos = field(content, TODOS);
        if (practice == null || conversation == null || todos == null || !todos.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(new Notice(practice, field(content, RECIPIENT), conversation, content.text(),
                Integer.parseInt(todos), content.linkUrl()));
    }

    static String text(Notice notice) {
        StringBuilder text = new StringBuilder();
        text.append(greeting(notice)).append("\n\n");
        text.append(notice.practiceName()).append(" has sent you a new message in \"").append(notice.threadSubject())
                .append("\":\n\n");
        for (String line : notice.excerpt().split("\\R")) {
            text.append("    ").append(line).append('\n');
        }
        text.append('\n');
        if (notice.todoCount() > 0) {
            text.append(todoSentence(notice.todoCount())).append("\n\n");
        }
        text.append("Read it and reply in your portal:\n").append(notice.link()).append("\n\n");
        text.append(footer(notice)).append('\n');
        return text.toString();
    }

    static String html(Notice notice) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"margin:0;padding:24px;"
                + "background:#f6f7f9;font-family:Helvetica,Arial,sans-serif;color:#1f2933\">");
        html.append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">");
        html.append("<p style=\"font-size:16px\">").append(escape(greeting(notice))).append("</p>");
        html.append("<p style=\"font-size:16px\"><strong>").append(escape(notice.practiceName()))
                .append("</strong> has sent you a new message in <strong>").append(escape(notice.threadSubject()))
                .append("</strong>:</p>");
        html.append("<blockquote style=\"margin:16px 0;padding:12px 16px;border-left:4px solid #3b82f6;"
                + "background:#f0f5ff;white-space:pre-line\">").append(escape(notice.excerpt())).append("</blockquote>");
        if (notice.todoCount() > 0) {
            html.append("<p style=\"font-size:16px\">").append(escape(todoSentence(notice.todoCount()))).append("</p>");
        }
        if (isWebLink(notice.link())) {
            html.append("<p style=\"margin:24px 0\"><a href=\"").append(escape(notice.link()))
                    .append("\" style=\"background:#3b82f6;color:#ffffff;padding:12px 20px;border-radius:6px;"
                            + "text-decoration:none;font-weight:bold\">").append(escape(LINK_LABEL)).append("</a></p>");
        } else {
            html.append("<p>").append(escape(notice.link())).append("</p>");
        }
        html.append("<p style=\"font-size:13px;color:#6b7280\">").append(escape(footer(notice))).append("</p>");
        return html.append("</div></body></html>").toString();
    }

    private static String greeting(Notice notice) {
        return notice.recipientName() == null ? "Hello," : "Hello " + notice.recipientName() + ",";
    }

    private static String todoSentence(int count) {
        return count == 1 ? "It adds 1 to-do for you to tick off in your portal."
                : "It adds " + count + " to-dos for you to tick off in your portal.";
    }

    private static String footer(Notice notice) {
        return "You are receiving this because you use " + notice.practiceName()
                + "'s client portal. Please reply in the portal rather than to this email.";
    }

    private static String field(MessageContent content, String label) {
        return content.fields().stream().filter(f -> f.label().equals(label)).map(MessageField::value).findFirst()
                .orElse(null);
    }

    private static boolean isWebLink(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").trim();
    }
}

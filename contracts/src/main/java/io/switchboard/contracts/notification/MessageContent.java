package io.switchboard.contracts.notification;

import java.util.List;

import io.switchboard.contracts.common.Require;

/**
 * What a notification says, independent of the channel: each channel worker renders it in its own
 * format (Block Kit, Adaptive Card, HTML + text email, inbox item).
 *
 * @param title     headline, e.g. "Phone message for Sam from Acme Ltd"
 * @param text      body text, may be {@code null}
 * @param fields    labelled essentials, in display order; never {@code null}
 * @param linkUrl   where the button or link leads (the entry in the app), may be {@code null}
 * @param linkLabel the button text, e.g. "Record Summary"; required when there is a link
 * @param actions   buttons that act on the message's subject in place ("Mark as actioned"); {@code null} when there
 *                  are none (an empty list reads as none), so producers that predate buttons stay valid. Channels
 *                  without interactivity leave them out; read them with {@link #actionsOrNone()}.
 */
public record MessageContent(String title, String text, List<MessageField> fields, String linkUrl,
                             String linkLabel, List<MessageAction> actions) {

    public MessageContent {
        Require.text(title, "MessageContent.title");
        Require.optionalText(text, "MessageContent.text");
        fields = Require.list(fields, "MessageContent.fields");
        Require.optionalText(linkUrl, "MessageContent.linkUrl");
        Require.optionalText(linkLabel, "MessageContent.linkLabel");
        Require.that(linkUrl != null || linkLabel == null, "MessageContent.linkLabel needs a linkUrl");
        Require.that(linkUrl == null || linkLabel != null, "MessageContent.linkUrl needs a linkLabel");
        actions = actions == null || actions.isEmpty() ? null : Require.list(actions, "MessageContent.actions");
    }

    /** The buttons, empty when there are none. */
    public List<MessageAction> actionsOrNone() {
        return actions == null ? List.of() : actions;
    }

    /** Content without buttons. */
    public MessageContent(String title, String text, List<MessageField> fields, String linkUrl, String linkLabel) {
        this(title, text, fields, linkUrl, linkLabel, null);
    }

    /** The same content with these buttons. */
    public MessageContent withActions(List<MessageAction> newActions) {
        return new MessageContent(title, text, fields, linkUrl, linkLabel, newActions);
    }
}

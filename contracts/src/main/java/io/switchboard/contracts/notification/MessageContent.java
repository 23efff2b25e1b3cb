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
 */
public record MessageContent(String title, String text, List<MessageField> fields, String linkUrl,
                             String linkLabel) {

    public MessageContent {
        Require.text(title, "MessageContent.title");
        Require.optionalText(text, "MessageContent.text");
        fields = Require.list(fields, "MessageContent.fields");
        Require.optionalText(linkUrl, "MessageContent.linkUrl");
        Require.optionalText(linkLabel, "MessageContent.linkLabel");
        Require.that(linkUrl != null || linkLabel == null, "MessageContent.linkLabel needs a linkUrl");
        Require.that(linkUrl == null || linkLabel != null, "MessageContent.linkUrl needs a linkLabel");
    }
}

package io.switchboard.notifier.inapp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.switchboard.contracts.notification.MessageField;
import io.switchboard.contracts.notification.SourceRef;

/**
 * One item of a user's in-app inbox, as the inbox page shows it.
 *
 * @param id        the in-app command's notification id
 * @param source    what it is about (an entry, a connection, …)
 * @param title     the headline
 * @param text      body text, may be {@code null}
 * @param fields    labelled essentials, in display order
 * @param linkUrl   where the item leads, may be {@code null}
 * @param linkLabel the link's text, with a link
 * @param createdAt when it arrived in the inbox (the list's order, newest first)
 * @param readAt    when the user marked it read, {@code null} while unread
 */
public record InboxItem(UUID id, SourceRef source, String title, String text, List<MessageField> fields,
                        String linkUrl, String linkLabel, Instant createdAt, Instant readAt) {

    @JsonProperty("read")
    public boolean read() {
        return readAt != null;
    }
}

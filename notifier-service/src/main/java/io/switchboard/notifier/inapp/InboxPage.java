package io.switchboard.notifier.inapp;

import java.util.List;

/** One page of a user's inbox, newest first, with the user's total and unread counts. */
public record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {
}

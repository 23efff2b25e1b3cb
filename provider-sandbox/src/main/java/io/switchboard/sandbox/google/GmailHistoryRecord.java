package io.switchboard.sandbox.google;

/** One change to a mailbox; the sandbox records one kind, {@code messageAdded}. */
public record GmailHistoryRecord(long id, GmailMessage message) {
}

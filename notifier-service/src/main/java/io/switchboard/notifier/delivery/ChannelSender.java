package io.switchboard.notifier.delivery;

import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;

/** One delivery channel (one package each): sends one command and says what happened, never throws for provider errors. */
public interface ChannelSender {

    NotificationChannel channel();

    SendReceipt send(NotificationRequest command);

    /**
     * Fetches what {@link #send} will need apart from the provider call itself (a token from integration-service)
     * into the sender's caches, before the {@link Drainer} claims the row: a worker that dies while getting ready
     * leaves the row PENDING (sent after a restart) rather than SENDING ("outcome unknown"). Must be safe for a
     * command that is then not sent. An answer about the connection (not connected, needs re-authorising) is not a
     * failure here: it is kept for {@code send}, which reports it as it always did. Throws only when the answer
     * could not be had (integration-service unreachable): the row then stays due, no attempt spent, and the next
     * pass tries again. {@code send} still works without it (it fetches what is not cached).
     */
    default void prepare(NotificationRequest command) {
    }

    /**
     * {@code true} for a channel whose "provider" is this service's own database (the in-app inbox): nothing to
     * pace, nothing to retry, and the effect can commit with the ledger row. Such a channel is not queued for the
     * {@link Drainer}; its listener calls {@link Ledger#deliverNow} inside the consumer's transaction.
     */
    default boolean immediate() {
        return false;
    }
}

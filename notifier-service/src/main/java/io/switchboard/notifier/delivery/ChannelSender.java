package io.switchboard.notifier.delivery;

import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;

/** One delivery channel (one package each): sends one command and says what happened, never throws for provider errors. */
public interface ChannelSender {

    NotificationChannel channel();

    SendReceipt send(NotificationRequest command);

    /**
     * {@code true} for a channel whose "provider" is this service's own database (the in-app inbox): nothing to
     * pace, nothing to retry, and the effect can commit with the ledger row. Such a channel is not queued for the
     * {@link Drainer}; its listener calls {@link Ledger#deliverNow} inside the consumer's transaction.
     */
    default boolean immediate() {
        return false;
    }
}

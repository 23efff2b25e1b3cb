package io.switchboard.notifier.delivery;

import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;

/** One delivery channel (one package each): sends one command and says what happened, never throws for provider errors. */
public interface ChannelSender {

    NotificationChannel channel();

    SendReceipt send(NotificationRequest command);
}

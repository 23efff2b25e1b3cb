package io.switchboard.notifier.inapp;

import org.springframework.stereotype.Component;

import io.switchboard.contracts.notification.InAppNotificationRequested;
import io.switchboard.contracts.notification.NotificationChannel;
import io.switchboard.contracts.notification.NotificationRequest;
import io.switchboard.notifier.delivery.ChannelSender;
import io.switchboard.notifier.delivery.SendReceipt;

/**
 * "Sends" an in-app command by storing its inbox item; the item id is the provider message id of the report.
 * Immediate: no provider limit to pace, and the write commits with the ledger row (see {@code Ledger#deliverNow}).
 */
@Component
class InboxSender implements ChannelSender {

    private final Inbox inbox;

    InboxSender(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.IN_APP;
    }

    @Override
    public boolean immediate() {
        return true;
    }

    @Override
    public SendReceipt send(NotificationRequest command) {
        InAppNotificationRequested inApp = (InAppNotificationRequested) command;
        inbox.store(inApp);
        return SendReceipt.delivered(inApp.notificationId().toString());
    }
}

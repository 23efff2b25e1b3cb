package io.switchboard.contracts.notification;

/** The channels the notifier delivers through, one {@code notify.*} topic and one worker pool each. */
public enum NotificationChannel {
    SLACK,
    TEAMS,
    EMAIL,
    IN_APP
}

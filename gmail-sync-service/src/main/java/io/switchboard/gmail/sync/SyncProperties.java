package io.switchboard.gmail.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The opt-in sync's pace (G5).
 *
 * @param enabled         whether the scheduled poll runs at all
 * @param interval        how often the poller looks for users due
 * @param userInterval    how often one user's mailbox is polled
 * @param usersPerRun     users polled per run at most
 * @param messagesPerUser history records or messages looked at per user per run at most
 * @param resyncDays      a stale history id re-syncs the mail of this many days
 * @param backoffInitial  wait after a first 429 or failure; doubled per further failure
 * @param backoffMax      the longest wait
 */
@ConfigurationProperties("switchboard.gmail.sync")
public record SyncProperties(boolean enabled, Duration interval, Duration userInterval, int usersPerRun,
                             int messagesPerUser, int resyncDays, Duration backoffInitial, Duration backoffMax) {

    public SyncProperties {
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        userInterval = userInterval == null ? Duration.ofSeconds(60) : userInterval;
        usersPerRun = usersPerRun <= 0 ? 20 : usersPerRun;
        messagesPerUser = messagesPerUser <= 0 ? 100 : messagesPerUser;
        resyncDays = resyncDays <= 0 ? 7 : resyncDays;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(30) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(30) : backoffMax;
    }

    /** The wait after {@code failures} failures in a row, at least {@code retryAfter} when Gmail named one. */
    Duration backoff(int failures, Duration retryAfter) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = backoffInitial.multipliedBy(factor);
        if (wait.compareTo(backoffMax) > 0) {
            wait = backoffMax;
        }
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}

package io.switchboard.notifier.inapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one PostgreSQL connection of its own in {@code LISTEN notifier_inbox} and hands every signal to the
 * {@link InboxStreams} of this instance. A dedicated connection (not one of the pool's): it is held for the life of
 * the instance. When it breaks it is reopened with backoff, and the open streams get their unread count again
 * (signals sent meanwhile are lost; the count and the page's reload on reconnect make up for them).
 */
@Component
class InboxSignalListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxSignalListener.class);
    private static final int POLL_MILLIS = 500;

    private final JdbcConnectionDetails database;
    private final InboxStreams streams;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    InboxSignalListener(JdbcConnectionDetails database, InboxStreams streams) {
        this.database = database;
        this.streams = streams;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "inbox-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing to wake the listening thread; nothing else to do
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the LISTEN connection is up (for tests and health). */
    boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        boolean reconnect = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                    database.getPassword())) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + InboxSignal.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = Duration.ofMillis(200);
                if (reconnect) {
                    streams.resync();
                }
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        InboxSignal signal = InboxSignal.parse(notification.getParameter());
                        if (signal != null) {
                            streams.onSignal(signal);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("inbox LISTEN connection lost, reconnecting in {} ms: {}", backoff.toMillis(), e.toString());
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                reconnect = true;
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }
}

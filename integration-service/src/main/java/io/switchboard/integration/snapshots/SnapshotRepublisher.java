package io.switchboard.integration.snapshots;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.settings.NotificationSettings;

/**
 * Publishes every practice's directory and settings snapshots again through the outbox. Consumers keep
 * local projections of the compacted snapshot topics; rows that reached this service's tables without a
 * published snapshot (the dev stack's demo data, a database restored from backup, a topic recreated by
 * hand) would otherwise stay unknown to them until the next change. Each practice is its own transaction,
 * so a failure part-way leaves the earlier practices published.
 */
@Service
public class SnapshotRepublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRepublisher.class);

    private final Directory directory;
    private final NotificationSettings settings;
    private final boolean onStartup;

    SnapshotRepublisher(Directory directory, NotificationSettings settings,
                        @Value("${switchboard.snapshots.republish-on-startup:false}") boolean onStartup) {
        this.directory = directory;
        this.settings = settings;
        this.onStartup = onStartup;
    }

    public record Republished(int practices, int users) {
    }

    public Republished republishAll() {
        int practices = 0;
        int users = 0;
        for (UUID practiceId : directory.practiceIds()) {
            users += directory.republish(practiceId);
            settings.republish(practiceId);
            practices++;
        }
        log.info("republished snapshots of {} practices and {} staff users", practices, users);
        return new Republished(practices, users);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        if (onStartup) {
            republishAll();
        }
    }
}

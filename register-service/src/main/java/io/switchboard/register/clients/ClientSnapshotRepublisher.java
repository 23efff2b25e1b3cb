package io.switchboard.register.clients;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Publishes every client's snapshot again through the outbox, for consumers (gmail-sync) whose projection
 * missed clients written past the outbox: the dev stack's demo data, a restored database, a recreated topic.
 * The {@code demo} profile does it on every start.
 */
@Service
public class ClientSnapshotRepublisher {

    private static final Logger log = LoggerFactory.getLogger(ClientSnapshotRepublisher.class);

    private final Clients clients;
    private final boolean onStartup;

    ClientSnapshotRepublisher(Clients clients,
                              @Value("${switchboard.snapshots.republish-on-startup:false}") boolean onStartup) {
        this.clients = clients;
        this.onStartup = onStartup;
    }

    public record Republished(int practices, int clients) {
    }

    public Republished republishAll() {
        int practices = 0;
        int total = 0;
        for (UUID practiceId : clients.practiceIds()) {
            total += clients.republish(practiceId);
            practices++;
        }
        log.info("republished the snapshots of {} clients of {} practices", total, practices);
        return new Republished(practices, total);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        if (onStartup) {
            republishAll();
        }
    }
}

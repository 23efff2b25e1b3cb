package io.switchboard.integration.vault;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Rekeying} once in the background when the service is ready ({@code switchboard.vault.rekey-on-start},
 * on by default): after a new active key is configured and the service restarted, every stored secret moves to
 * it without an operator's call, and without holding up start-up.
 */
@Component
class RekeyOnStart {

    private static final Logger log = LoggerFactory.getLogger(RekeyOnStart.class);

    private final Rekeying rekeying;
    private final boolean enabled;
    private final CompletableFuture<Rekeying.Result> done = new CompletableFuture<>();

    RekeyOnStart(Rekeying rekeying, @Value("${switchboard.vault.rekey-on-start:true}") boolean enabled) {
        this.rekeying = rekeying;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::run, "vault-rekey");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            Rekeying.Result result = rekeying.rekey();
            log.info("Vault rekey at start-up: {} re-sealed under key {}, {} failed", result.resealed(),
                    result.activeKey(), result.failed());
            done.complete(result);
        } catch (RuntimeException e) {
            log.error("Vault rekey at start-up stopped ({}); POST /internal/vault/rekey runs it again",
                    e.getClass().getSimpleName(), e);
            done.completeExceptionally(e);
        }
    }

    /** The start-up run's outcome, once it has finished. */
    CompletableFuture<Rekeying.Result> done() {
        return done;
    }
}

package io.switchboard.register.clients.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.register.clients.ClientSnapshotRepublisher;

/** An operator's lever (scope {@code internal}): republish every client snapshot after consumers lost theirs. */
@RestController
class InternalClientSnapshotController {

    private final ClientSnapshotRepublisher republisher;

    InternalClientSnapshotController(ClientSnapshotRepublisher republisher) {
        this.republisher = republisher;
    }

    @PostMapping("/internal/snapshots/republish")
    @Operation(summary = "Publish every client's snapshot again (scope internal)")
    ClientSnapshotRepublisher.Republished republish() {
        return republisher.republishAll();
    }
}

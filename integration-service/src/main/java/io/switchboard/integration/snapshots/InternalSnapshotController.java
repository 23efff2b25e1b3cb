package io.switchboard.integration.snapshots;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** An operator's lever (scope {@code internal}): republish every snapshot after consumers lost theirs. */
@RestController
class InternalSnapshotController {

    private final SnapshotRepublisher republisher;

    InternalSnapshotController(SnapshotRepublisher republisher) {
        this.republisher = republisher;
    }

    @PostMapping("/internal/snapshots/republish")
    @Operation(summary = "Publish every practice's directory and settings snapshots again (scope internal)")
    SnapshotRepublisher.Republished republish() {
        return republisher.republishAll();
    }
}

package io.switchboard.integration.vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** An operator's lever (scope {@code internal}): re-seal every stored secret under the active key now. */
@RestController
class InternalVaultController {

    private static final Logger log = LoggerFactory.getLogger(InternalVaultController.class);

    private final Rekeying rekeying;

    InternalVaultController(Rekeying rekeying) {
        this.rekeying = rekeying;
    }

    @PostMapping("/internal/vault/rekey")
    @Operation(summary = "Re-seal every stored secret under the active vault key; counts per table and values "
            + "left under each other key (scope internal)")
    Rekeying.Result rekey(@AuthenticationPrincipal Jwt caller) {
        log.info("Vault rekey asked for by {}", caller.getSubject());
        return rekeying.rekey();
    }
}

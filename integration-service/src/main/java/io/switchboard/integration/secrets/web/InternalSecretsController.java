package io.switchboard.integration.secrets.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.integration.secrets.PracticeSecrets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The vault for client-submitted secrets (scope internal: workflow-service stores and reads them for staff). */
@RestController
class InternalSecretsController {

    private final PracticeSecrets secrets;

    InternalSecretsController(PracticeSecrets secrets) {
        this.secrets = secrets;
    }

    @PostMapping("/internal/practices/{practiceId}/secrets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Seal a client's secret (scope internal); answers its opaque ref")
    SecretRef store(@PathVariable UUID practiceId, @Valid @RequestBody NewSecretRequest body) {
        return new SecretRef(secrets.store(practiceId, new PracticeSecrets.NewSecret(body.clientId(), body.taskId(),
                body.label().strip(), body.username(), body.secret(), body.submittedBy())));
    }

    @GetMapping("/internal/practices/{practiceId}/secrets/{ref}")
    @Operation(summary = "Open a secret (scope internal), recording who read it for whom (X-Switchboard-Actor)")
    ResponseEntity<PracticeSecrets.Opened> open(@PathVariable UUID practiceId,
                                                @PathVariable @Pattern(regexp = "sec_[A-Za-z0-9_-]{16,64}") String ref,
                                                @RequestHeader(name = "X-Switchboard-Actor", required = false) UUID actor,
                                                @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(secrets.open(practiceId, ref, actor, caller.getSubject()));
    }

    @GetMapping("/internal/practices/{practiceId}/secrets/{ref}/accesses")
    @Operation(summary = "Who read a secret, when, for whom (scope internal)")
    List<PracticeSecrets.Access> accesses(@PathVariable UUID practiceId, @PathVariable String ref) {
        return secrets.accesses(practiceId, ref);
    }

    record NewSecretRequest(@NotNull UUID clientId, UUID taskId, @NotBlank @Size(max = 200) String label,
                            @Size(max = 300) String username, @NotBlank @Size(max = 4000) String secret,
                            @NotNull UUID submittedBy) {
        @Override
        public String toString() {
            return "NewSecretRequest[clientId=" + clientId + ", taskId=" + taskId + "]";
        }
    }

    record SecretRef(String secretRef) {
    }
}

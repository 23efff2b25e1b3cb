package io.switchboard.sandbox;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/api/secrets}: every secret the sandbox issued or was given (see {@link IssuedSecrets}), as a
 * JSON array of strings, for a test to check that none of them leaked. Test-facing: it answers the values unmasked.
 */
@RestController
class SecretsApi {

    private final IssuedSecrets secrets;

    SecretsApi(IssuedSecrets secrets) {
        this.secrets = secrets;
    }

    @GetMapping("/sandbox/api/secrets")
    List<String> secrets() {
        return secrets.all();
    }
}

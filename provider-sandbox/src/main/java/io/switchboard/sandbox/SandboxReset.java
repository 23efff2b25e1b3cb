package io.switchboard.sandbox;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clears every piece of sandbox state at once: {@code POST /sandbox/api/reset}, and {@link ProviderSandbox#reset()}. */
@RestController
public class SandboxReset {

    private final List<Resettable> states;

    SandboxReset(List<Resettable> states) {
        this.states = states;
    }

    public void resetAll() {
        states.forEach(Resettable::reset);
    }

    @PostMapping("/sandbox/api/reset")
    ResponseEntity<Void> reset() {
        resetAll();
        return ResponseEntity.noContent().build();
    }
}

package io.switchboard.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.switchboard.sandbox.slack.SlackProperties;

/**
 * Every secret value the sandbox issued or was given since start or {@link #reset()}: tokens, authorization codes,
 * client and signing secrets, PKCE verifiers that redeemed a code, and the secrets in its configuration. The e2e
 * suite scans logs, events and error bodies for them; none may appear. Values are kept after they are redeemed,
 * revoked or expired (a leaked spent token is still a leak), and values shorter than {@link #MIN_LENGTH} are left
 * out because they would turn up in ordinary text by chance.
 */
@Component
public class IssuedSecrets implements Resettable {

    public static final int MIN_LENGTH = 8;

    private final List<String> configured;
    /** In the order given; bounded by what the emulators store, which also grows until reset. */
    private final Set<String> remembered = new LinkedHashSet<>();

    IssuedSecrets(SlackProperties slack) {
        this.configured = Stream.of(slack.signingSecret(), slack.verificationToken()).filter(IssuedSecrets::counts).toList();
    }

    /** Notes a value the sandbox issued or was given; null, blank and short values are ignored. */
    public synchronized void remember(String value) {
        if (counts(value)) {
            remembered.add(value);
        }
    }

    /** The configured secrets, then the others in the order they were issued or given; no duplicates. */
    public synchronized List<String> all() {
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(remembered);
        return new ArrayList<>(all);
    }

    @Override
    public synchronized void reset() {
        remembered.clear();
    }

    private static boolean counts(String value) {
        return value != null && !value.isBlank() && value.length() >= MIN_LENGTH;
    }
}
